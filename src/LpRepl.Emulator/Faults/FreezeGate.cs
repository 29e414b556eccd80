namespace LpRepl.Emulator.Faults;

/// <summary>
/// Whether one upgraded connection's stream is frozen: while it is, reads that brought bytes and
/// writes wait for the thaw. Closing the stream ends the wait, so a frozen socket still dies.
/// </summary>
internal sealed class FreezeGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _thawed;
    private bool _closed;
    private int _held;

    public bool IsFrozen
    {
        get
        {
            lock (_lock)
            {
                return _thawed is not null;
            }
        }
    }

    /// <summary>Reads and writes now waiting for the thaw.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>True if this call froze it (false: already frozen, or the stream is closed).</summary>
    public bool Freeze()
    {
        lock (_lock)
        {
            if (_thawed is not null || _closed)
            {
                return false;
            }

            _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    /// <summary>True if it was frozen.</summary>
    public bool Thaw()
    {
        TaskCompletionSource? thawed;
        lock (_lock)
        {
            thawed = _thawed;
            _thawed = null;
        }

        thawed?.TrySetResult();
        return thawed is not null;
    }

    /// <summary>The stream is gone: whatever waits fails as a broken connection, and it cannot freeze again.</summary>
    public void Close()
    {
        TaskCompletionSource? thawed;
        lock (_lock)
        {
            _closed = true;
            thawed = _thawed;
            _thawed = null;
        }

        thawed?.TrySetException(new IOException("The connection was closed while frozen."));
    }

    /// <summary>Completes at once unless frozen; else at the thaw, the close or <paramref name="ct"/>.</summary>
    public async ValueTask PassAsync(CancellationToken ct)
    {
        Task? wait;
        lock (_lock)
        {
            wait = _thawed?.Task;
        }

        if (wait is null)
        {
            return;
        }

        Interlocked.Increment(ref _held);
        try
        {
            await wait.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}
