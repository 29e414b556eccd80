namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// The keep-alive's clock, on the injected <see cref="TimeProvider"/>: every interval it sends a
/// probe; at the next tick, a probe still unanswered with nothing at all heard since it left means
/// the link is lost. A link that freezes is therefore declared lost within two intervals.
/// </summary>
internal sealed class KeepAliveWatch : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Func<long, Task> _sendProbe;
    private readonly Action<string> _lost;
    private readonly Action<TimeSpan> _answered;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _nextProbe;
    private long _probe;
    private long _probeSentAt;
    private long _heard;
    private long _heardWhenProbeLeft;
    private long _lastHeardAt;
    private bool _stopped;

    public KeepAliveWatch(TimeSpan interval, TimeProvider time, Func<long, Task> sendProbe, Action<string> lost, Action<TimeSpan> answered)
    {
        _interval = interval;
        _time = time;
        _sendProbe = sendProbe;
        _lost = lost;
        _answered = answered;
        _lastHeardAt = time.GetTimestamp();
    }

    public void Start() => _timer = _time.CreateTimer(_ => Tick(), null, _interval, _interval);

    /// <summary>Something arrived from the server: the link is alive.</summary>
    public void Heard()
    {
        lock (_gate)
        {
            _heard++;
            _lastHeardAt = _time.GetTimestamp();
        }
    }

    /// <summary>The answer to a probe arrived; an answer to an older probe only counts as something heard.</summary>
    public void Answered(long probe)
    {
        TimeSpan roundTrip;
        lock (_gate)
        {
            _heard++;
            _lastHeardAt = _time.GetTimestamp();
            if (probe != _probe || _probe == 0)
            {
                return;
            }
            _probe = 0;
            roundTrip = _time.GetElapsedTime(_probeSentAt);
        }
        _answered(roundTrip);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }
        _timer?.Dispose();
    }

    private void Tick()
    {
        long probe;
        string? lost = null;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            if (_probe != 0 && _heard == _heardWhenProbeLeft)
            {
                _stopped = true;
                var silence = _time.GetElapsedTime(_lastHeardAt);
                lost = $"no answer to the keep-alive: nothing received for {silence.TotalSeconds:0.#} s (--keepalive {_interval.TotalSeconds:0.###})";
            }
            probe = ++_nextProbe;
            _probe = probe;
            _probeSentAt = _time.GetTimestamp();
            _heardWhenProbeLeft = _heard;
        }
        if (lost is not null)
        {
            _timer?.Dispose();
            _lost(lost);
            return;
        }
        _ = _sendProbe(probe);
    }
}
