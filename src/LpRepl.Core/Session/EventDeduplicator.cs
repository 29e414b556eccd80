using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>
/// Shows each messaging event once: a change of an <c>ms.MessagingEventNotification</c> whose
/// (dialogId, sequence) was seen before is dropped, so a re-subscription from an earlier fromSeq
/// (after a reconnect, or typed by hand from 0) replays nothing already shown. Changes without a
/// usable sequence (chat states, a server's odd item) always pass. Memory is bounded per dialog
/// (<see cref="SequenceRanges"/>) and in dialogs (<see cref="MaxDialogs"/>, least recently seen
/// forgotten first). Thread-safe.
/// </summary>
public sealed class EventDeduplicator
{
    public const int MaxDialogs = 1024;

    private const string Notification = "ms.MessagingEventNotification";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (SequenceRanges Seen, long Touched)> _dialogs = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Notes the new events of <paramref name="frame"/> as seen and says what is left of it; never throws on an odd frame.</summary>
    public DeduplicationResult Filter(JObject frame)
    {
        if ((string?)(frame["type"] as JValue) != Notification || (frame["body"] as JObject)?["changes"] is not JArray changes)
        {
            return DeduplicationResult.Unchanged;
        }
        var kept = new List<JToken>(changes.Count);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                if (change is not JObject item
                    || WireValues.SingleString(item["dialogId"]) is not { } dialog
                    || WireValues.Sequence(item["sequence"]) is not { } sequence
                    || Seen(dialog).Add(sequence))
                {
                    kept.Add(change);
                }
            }
        }
        var skipped = changes.Count - kept.Count;
        if (skipped == 0)
        {
            return DeduplicationResult.Unchanged;
        }
        if (kept.Count == 0)
        {
            return new DeduplicationResult(DeduplicationOutcome.Dropped, null, null, skipped);
        }
        var rewritten = (JObject)frame.DeepClone();
        rewritten["body"]!["changes"] = new JArray(kept.Select(c => c.DeepClone()));
        return new DeduplicationResult(DeduplicationOutcome.Rewritten, rewritten.ToString(Formatting.None), rewritten, skipped);
    }

    /// <summary>True when the event (dialogId, sequence) was seen; for tests and <c>status</c>.</summary>
    public bool HasSeen(string dialogId, long sequence)
    {
        lock (_gate)
        {
            return _dialogs.TryGetValue(dialogId, out var entry) && entry.Seen.Contains(sequence);
        }
    }

    /// <summary>How many dialogs are tracked now.</summary>
    public int DialogCount
    {
        get
        {
            lock (_gate)
            {
                return _dialogs.Count;
            }
        }
    }

    /// <summary>Forgets everything, for a new consumer.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _dialogs.Clear();
        }
    }

    private SequenceRanges Seen(string dialog)
    {
        var now = ++_clock;
        if (_dialogs.TryGetValue(dialog, out var entry))
        {
            _dialogs[dialog] = (entry.Seen, now);
            return entry.Seen;
        }
        if (_dialogs.Count >= MaxDialogs)
        {
            // Rare (a new dialog past the bound), so a scan is cheaper than keeping an order.
            _dialogs.Remove(_dialogs.MinBy(d => d.Value.Touched).Key);
        }
        var seen = new SequenceRanges();
        _dialogs[dialog] = (seen, now);
        return seen;
    }
}
