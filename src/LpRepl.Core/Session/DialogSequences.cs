namespace LpRepl.Session;

/// <summary>
/// The highest event sequence seen per dialog, overall and of a message from the other side (agent
/// or bot), so receipts and re-subscriptions can default to them.
/// </summary>
public sealed class DialogSequences
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastFromOthers = new(StringComparer.Ordinal);

    /// <summary>Notes an event; <paramref name="messageFromOthers"/> is true for a content or rich-content event not sent by the consumer, what a receipt acknowledges.</summary>
    public void Seen(string dialogId, long sequence, bool messageFromOthers)
    {
        lock (_gate)
        {
            Raise(_last, dialogId, sequence);
            if (messageFromOthers)
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
