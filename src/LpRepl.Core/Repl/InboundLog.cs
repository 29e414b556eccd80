using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// Every parsed inbound frame, in order, so <c>wait</c> can match frames that arrived before it was
/// typed and <c>capture</c> can read the last one of a type. Bounded twice, because a server picks the
/// sizes: the newest <see cref="MaxFrames"/> frames and at most <see cref="MaxBytes"/> of frame text
/// (the newest frame is always kept, whatever its size). A wait is told how many frames of its window
/// fell out before it looked, so it never misses one silently. Only the newest <see cref="ParsedFrames"/>
/// stay parsed; older ones are kept as text and parsed again when reached (<see cref="InboundEntry"/>).
/// </summary>
public sealed class InboundLog
{
    public const int MaxFrames = 10_000;

    /// <summary>The frame text kept, counted in characters as received (parsed frames take a few times that).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>How many of the newest frames keep the object parsed on arrival (a wait mostly looks at these).</summary>
    public const int ParsedFrames = 64;

    private readonly Lock _gate = new();
    // A ring indexed by arrival number (index % length), so a wait reads any kept frame in O(1).
    private InboundEntry?[] _ring = new InboundEntry?[64];
    private int _count;
    private long _dropped;
    private long _bytes;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The index the next frame will get.</summary>
    public long End
    {
        get
        {
            lock (_gate)
            {
                return _dropped + _count;
            }
        }
    }

    /// <summary>The frame text held now (for <c>status</c> and tests).</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// Adds a frame parsed from <paramref name="text"/> that came on connection <paramref name="connection"/>; returns its
    /// index. The frame must not change afterwards: once older, it is parsed again from the text.
    /// </summary>
    public long Add(JObject frame, string text, long connection = 0) => Add(new InboundEntry(frame, text, text.Length, connection));

    /// <summary>Adds a frame of <paramref name="size"/> characters that came on connection <paramref name="connection"/>, kept parsed; returns its index.</summary>
    public long Add(JObject frame, long size, long connection = 0) => Add(new InboundEntry(frame, null, Math.Max(0, size), connection));

    private long Add(InboundEntry entry)
    {
        TaskCompletionSource arrived;
        long index;
        lock (_gate)
        {
            if (_count == MaxFrames)
            {
                DropOldest();
            }
            if (_count == _ring.Length)
            {
                Grow();
            }
            index = _dropped + _count;
            _ring[index % _ring.Length] = entry;
            _count++;
            _bytes += entry.Size;
            if (_count > ParsedFrames)
            {
                _ring[(index - ParsedFrames) % _ring.Length]!.Release();
            }
            while (_bytes > MaxBytes && _count > 1)
            {
                DropOldest();
            }
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
        return index;
    }

    /// <summary>
    /// The first frame from index <paramref name="from"/> on that matches, waiting for new ones up to the
    /// timeout; <see cref="InboundMatch.Frame"/> is null if none came. Frames of the window that were
    /// dropped before they could be looked at are counted in <see cref="InboundMatch.Missed"/>.
    /// </summary>
    public async Task<InboundMatch> WaitAsync(Func<InboundFrame, bool> match, long from, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        long missed = 0;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (from < _dropped)
                {
                    missed += _dropped - from;
                    from = _dropped;
                }
                for (var i = from; i < _dropped + _count; i++)
                {
                    var entry = _ring[i % _ring.Length]!;
                    var frame = entry.Frame;
                    if (match(new InboundFrame(frame, i, entry.Connection)))
                    {
                        return new InboundMatch(frame, i, missed);
                    }
                }
                from = _dropped + _count;
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new InboundMatch(null, -1, missed);
            }
        }
    }

    /// <summary>The newest frame that matches, if any.</summary>
    public JObject? Last(Func<InboundFrame, bool> match)
    {
        lock (_gate)
        {
            for (var i = _dropped + _count - 1; i >= _dropped; i--)
            {
                var entry = _ring[i % _ring.Length]!;
                var frame = entry.Frame;
                if (match(new InboundFrame(frame, i, entry.Connection)))
                {
                    return frame;
                }
            }
            return null;
        }
    }

    public IReadOnlyList<JObject> Tail(int count)
    {
        lock (_gate)
        {
            var take = Math.Min(Math.Max(0, count), _count);
            var tail = new List<JObject>(take);
            for (var i = _dropped + _count - take; i < _dropped + _count; i++)
            {
                tail.Add(_ring[i % _ring.Length]!.Frame);
            }
            return tail;
        }
    }

    private void DropOldest()
    {
        var slot = _dropped % _ring.Length;
        _bytes -= _ring[slot]!.Size;
        _ring[slot] = null;
        _dropped++;
        _count--;
    }

    private void Grow()
    {
        var bigger = new InboundEntry?[Math.Min(_ring.Length * 2, MaxFrames)];
        for (var i = _dropped; i < _dropped + _count; i++)
        {
            bigger[i % bigger.Length] = _ring[i % _ring.Length];
        }
        _ring = bigger;
    }
}
