using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// Every parsed inbound frame, in order (the newest 10,000), so <c>wait</c> can match frames that
/// arrived before it was typed and <c>capture</c> can read the last one of a type.
/// </summary>
public sealed class InboundLog
{
    private const int Capacity = 10_000;
    private readonly Lock _gate = new();
    private readonly List<JObject> _frames = [];
    private long _dropped;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The index the next frame will get.</summary>
    public long End
    {
        get
        {
            lock (_gate)
            {
                return _dropped + _frames.Count;
            }
        }
    }

    public void Add(JObject frame)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _frames.Add(frame);
            if (_frames.Count > Capacity)
            {
                _frames.RemoveAt(0);
                _dropped++;
            }
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
    }

    /// <summary>The first frame from index <paramref name="from"/> on that matches, waiting for new ones up to the timeout; null if none came.</summary>
    public async Task<(JObject Frame, long Index)?> WaitAsync(Func<JObject, long, bool> match, long from, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                for (var i = Math.Max(from, _dropped); i < _dropped + _frames.Count; i++)
                {
                    if (match(_frames[(int)(i - _dropped)], i))
                    {
                        return (_frames[(int)(i - _dropped)], i);
                    }
                }
                from = _dropped + _frames.Count;
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>The newest frame that matches, if any.</summary>
    public JObject? Last(Func<JObject, bool> match)
    {
        lock (_gate)
        {
            return _frames.LastOrDefault(match);
        }
    }

    public IReadOnlyList<JObject> Tail(int count)
    {
        lock (_gate)
        {
            return [.. _frames.TakeLast(count)];
        }
    }
}
