namespace LpRepl.Emulator.Hosting;

/// <summary>
/// Gives memory back once the consumer sockets are gone: a burst of connections grows the managed
/// heap and the native heap (TLS state) far past what an idle emulator needs, and with nothing
/// allocating afterwards no collection would run to shrink them. When the last socket closes and
/// none opens for the delay, the trim runs once (again only after another socket has come and gone).
/// </summary>
internal sealed class IdleTrim : IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly Action _trim;
    private ITimer? _timer;
    private int _open;
    private bool _usedSinceTrim;
    private bool _disposed;

    // trim: what runs when idle; by default a compacting collection and the C heap's trim, after a burst only.
    public IdleTrim(TimeProvider time, TimeSpan delay, Action? trim = null)
    {
        _time = time;
        _delay = delay;
        _trim = trim ?? new ProcessMemory().TrimAfterBurst;
    }

    public void Opened()
    {
        lock (_gate)
        {
            _open++;
            _usedSinceTrim = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Closed()
    {
        lock (_gate)
        {
            _open--;
            if (_open > 0 || _disposed || _delay == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _timer?.Dispose();
            _timer = null;
            var timer = _time.CreateTimer(Fire, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer = timer;
            // Armed after it is stored, so a zero delay finds it current when it fires.
            timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Fire(object? state)
    {
        lock (_gate)
        {
            if (_open > 0 || !_usedSinceTrim || _disposed)
            {
                return;
            }

            _usedSinceTrim = false;
            _timer?.Dispose();
            _timer = null;
        }

        _trim();
    }
}
