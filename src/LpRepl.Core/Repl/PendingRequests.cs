using System.Collections.Concurrent;
using System.Diagnostics;

namespace LpRepl.Repl;

/// <summary>
/// Requests sent and not yet answered, keyed by id. Gives each response its request and
/// round-trip time, and lets scripts wait until the server has answered everything.
/// </summary>
public sealed class PendingRequests
{
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PendingRequest> _abandoned = new();
    private readonly ConcurrentQueue<RefusedRequest> _refused = new();
    // Requests whose answer fills in a variable (conversationId, …): a pipelined script waits for them before going on.
    private int _capturing;
    // Set while a pipelined script waits for a free place in its window; completed by the next answer.
    private TaskCompletionSource? _progress;

    public int Count => _pending.Count;

    /// <summary>Requests in flight whose answer sets a session variable (see <see cref="InboundCaptures.Captures"/>).</summary>
    public int Capturing => Volatile.Read(ref _capturing);

    /// <summary>Requests a drop abandoned, not yet taken: a pipelined script stops at the next line for them.</summary>
    public bool AnyAbandoned => !_abandoned.IsEmpty;

    /// <summary>Refusals not yet taken.</summary>
    public bool AnyRefused => !_refused.IsEmpty;

    /// <summary>What is waiting now, oldest first (for <c>status</c>).</summary>
    public IReadOnlyList<PendingRequest> Waiting => [.. _pending.Values.OrderBy(p => p.SentAt)];

    public PendingRequest Add(string id, string? type, bool own = false, int line = 0)
    {
        var request = new PendingRequest(id, type, Stopwatch.GetTimestamp(), own, line);
        if (_pending.TryGetValue(id, out var replaced))
        {
            // A request sent again under the same id takes the old one's place: only one answer can come for the id.
            Forget(replaced);
        }
        _pending[id] = request;
        if (InboundCaptures.Captures(type))
        {
            Interlocked.Increment(ref _capturing);
        }
        return request;
    }

    /// <summary>
    /// The send of <paramref name="request"/> returned: true when a drop abandoned it meanwhile, so it left
    /// before the drop and is now noted as never answered (the sender says so).
    /// </summary>
    public bool Sent(PendingRequest request)
    {
        lock (request.Gate)
        {
            request.Sending = false;
            if (!request.Abandoned || request.Own)
            {
                return false;
            }
        }
        _abandoned.Enqueue(request);
        return true;
    }

    /// <summary>Forgets a request that never went out.</summary>
    public void Remove(string id)
    {
        if (_pending.TryRemove(id, out var request))
        {
            Forget(request);
        }
    }

    /// <summary>The request <paramref name="reqId"/> answers, still pending.</summary>
    public PendingRequest? Find(string reqId) => _pending.GetValueOrDefault(reqId);

    /// <summary>Marks <paramref name="reqId"/> answered; null when no request with that id is waiting.</summary>
    public PendingRequest? Complete(string reqId)
    {
        if (!_pending.TryRemove(reqId, out var request))
        {
            return null;
        }
        Forget(request);
        request.Answered.TrySetResult();
        return request;
    }

    // Whatever took a request out of the table: the counts and the window's waiter follow.
    private void Forget(PendingRequest request)
    {
        if (InboundCaptures.Captures(request.Type))
        {
            Interlocked.Decrement(ref _capturing);
        }
        if (Volatile.Read(ref _progress) is { } progress)
        {
            progress.TrySetResult();
        }
    }

    /// <summary>Notes that the server refused a request (code 400 or more), for a script to check.</summary>
    public void Refused(RefusedRequest refusal) => _refused.Enqueue(refusal);

    /// <summary>Requests refused since the last call.</summary>
    public IReadOnlyList<RefusedRequest> TakeRefused()
    {
        var taken = new List<RefusedRequest>();
        while (_refused.TryDequeue(out var refusal))
        {
            taken.Add(refusal);
        }
        return taken;
    }

    /// <summary>The connection ended: nothing still waiting will be answered.</summary>
    public IReadOnlyList<PendingRequest> AbandonAll()
    {
        var abandoned = new List<PendingRequest>();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var request))
            {
                Forget(request);
                bool sending;
                lock (request.Gate)
                {
                    request.Abandoned = true;
                    // If so, its sender finds out whether it left (see Sent) and says so then.
                    sending = request.Sending;
                }
                if (!sending)
                {
                    abandoned.Add(request);
                    if (!request.Own)
                    {
                        // The session's own requests are its business: they fail no script line.
                        _abandoned.Enqueue(request);
                    }
                }
                // Only now is the waiter woken: a script line waiting on it must find it among the abandoned, or it
                // would go green over a request the server never answered.
                request.Answered.TrySetResult();
            }
        }
        return abandoned;
    }

    /// <summary>Requests dropped by a connection that ended since the last call (a script fails on them).</summary>
    public IReadOnlyList<PendingRequest> TakeAbandoned()
    {
        var taken = new List<PendingRequest>();
        while (_abandoned.TryDequeue(out var request))
        {
            taken.Add(request);
        }
        return taken;
    }

    /// <summary>
    /// Waits until every request now pending is answered, for as long as answers keep coming: it gives up only when
    /// none came for <paramref name="timeout"/>, so a long pipelined burst is not cut short. Returns those still waiting then.
    /// </summary>
    public async Task<IReadOnlyList<PendingRequest>> WaitAllAsync(TimeSpan timeout, CancellationToken ct)
    {
        var waiting = _pending.Values.Where(p => !p.Own).ToArray();
        while (waiting.Length > 0)
        {
            try
            {
                await Task.WhenAll(waiting.Select(w => w.Answered.Task)).WaitAsync(timeout, ct);
                return [];
            }
            catch (TimeoutException)
            {
                var still = waiting.Where(w => _pending.ContainsKey(w.Id)).ToArray();
                if (still.Length == waiting.Length)
                {
                    return still;
                }
                waiting = still;
            }
        }
        return [];
    }

    /// <summary>
    /// Waits until fewer than <paramref name="limit"/> requests are in flight (a pipelined script's window);
    /// false when no answer came for <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitBelowAsync(int limit, TimeSpan timeout, CancellationToken ct)
    {
        while (_pending.Count >= limit)
        {
            var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _progress, progress);
            if (_pending.Count < limit)
            {
                break;
            }
            try
            {
                await progress.Task.WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
                return _pending.Count < limit;
            }
            finally
            {
                Volatile.Write(ref _progress, null);
            }
        }
        return true;
    }
}
