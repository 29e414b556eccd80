namespace LpRepl.Session;

/// <summary>
/// The highest event sequence seen per dialog, overall and from the other side (agent or bot),
/// so receipts and re-subscriptions can default to them.
/// </summary>
public sealed class DialogSequences
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastFromOthers = new(StringComparer.Ordinal);

    public void Seen(string dialogId, long sequence, bool fromConsumer)
    {
        lock (_gate)
        {
            Raise(_last, dialogId, sequence);
            if (!fromConsumer)
            {
                Raise(_lastFromOthers, dialogId, sequence);
            }
        }
    }

    public long? Last(string dialogId)
    {
        lock (_gate)
        {
            return _last.TryGetValue(dialogId, out var s) ? s : null;
        }
    }

    public long? LastFromOthers(string dialogId)
    {
        lock (_gate)
        {
            return _lastFromOthers.TryGetValue(dialogId, out var s) ? s : null;
        }
    }

    private static void Raise(Dictionary<string, long> map, string dialogId, long sequence)
    {
        if (!map.TryGetValue(dialogId, out var current) || sequence > current)
        {
            map[dialogId] = sequence;
        }
    }
}
