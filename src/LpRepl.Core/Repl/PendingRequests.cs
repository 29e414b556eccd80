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

    public int Count => _pending.Count;

    /// <summary>What is waiting now, oldest first (for <c>status</c>).</summary>
    public IReadOnlyList<PendingRequest> Waiting => [.. _pending.Values.OrderBy(p => p.SentAt)];

    public PendingRequest Add(string id, string? type, bool own = false)
    {
        var request = new PendingRequest(id, type, Stopwatch.GetTimestamp(), own);
        _pending[id] = request;
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
    public void Remove(string id) => _pending.TryRemove(id, out _);

    /// <summary>The request <paramref name="reqId"/> answers, still pending.</summary>
    public PendingRequest? Find(string reqId) => _pending.GetValueOrDefault(reqId);

    /// <summary>Marks <paramref name="reqId"/> answered; null when no request with that id is waiting.</summary>
    public PendingRequest? Complete(string reqId)
    {
        if (!_pending.TryRemove(reqId, out var request))
        {
            return null;
        }
        request.Answered.TrySetResult();
        return request;
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
                request.Answered.TrySetResult();
                lock (request.Gate)
                {
                    request.Abandoned = true;
                    if (request.Sending)
                    {
                        // Its sender finds out whether it left (see Sent) and says so then.
                        continue;
                    }
                }
                abandoned.Add(request);
                if (!request.Own)
                {
                    // The session's own requests are its business: they fail no script line.
                    _abandoned.Enqueue(request);
                }
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

    /// <summary>Waits until every request now pending is answered; returns those still waiting at the timeout.</summary>
    public async Task<IReadOnlyList<PendingRequest>> WaitAllAsync(TimeSpan timeout, CancellationToken ct)
    {
        var waiting = _pending.Values.Where(p => !p.Own).ToArray();
        if (waiting.Length == 0)
        {
            return [];
        }
        try
        {
            await Task.WhenAll(waiting.Select(w => w.Answered.Task)).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Reported below from what is still pending.
        }
        return [.. waiting.Where(w => _pending.ContainsKey(w.Id))];
    }
}
