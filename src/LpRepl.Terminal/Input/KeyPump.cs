namespace LpRepl.Terminal.Input;

/// <summary>
/// Feeds input to a <see cref="KeyDecoder"/> and hands the keys on. A lone ESC is ambiguous
/// (the Escape key, or the start of a sequence still in flight): after 50 ms of silence it is flushed as Escape.
/// </summary>
public sealed class KeyPump(KeyDecoder decoder, Action<KeyPress> deliver)
{
    private static readonly TimeSpan EscapeWait = TimeSpan.FromMilliseconds(50);
    private readonly Lock _gate = new();
    private long _version;

    public void Feed(ReadOnlySpan<char> chunk)
    {
        IReadOnlyList<KeyPress> keys;
        long version;
        bool pending;
        lock (_gate)
        {
            keys = decoder.Feed(chunk);
            version = ++_version;
            pending = decoder.HasPending;
            foreach (var key in keys)
            {
                deliver(key);
            }
        }
        if (pending)
        {
            ScheduleFlush(version);
        }
    }

    /// <summary>Input ended: whatever is pending is delivered as it stands.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var key in decoder.Flush())
            {
                deliver(key);
            }
        }
    }

    private void ScheduleFlush(long version)
    {
        _ = Task.Delay(EscapeWait).ContinueWith(_ =>
        {
            lock (_gate)
            {
                // Only if nothing arrived since: otherwise the sequence completed or a newer flush is due.
                if (_version == version && decoder.HasPending)
                {
                    foreach (var key in decoder.Flush())
                    {
                        deliver(key);
                    }
                }
            }
        }, TaskScheduler.Default);
    }
}
