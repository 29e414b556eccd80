using LpRepl.Frames;
using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>
/// Notices a message published to a dialog whose messaging events this session has not subscribed to:
/// the server pushes nothing unsubscribed (no implicit subscription), so the agent's answers would
/// never show and nothing would say why. Told once per dialog, when the publish is accepted; the
/// session cannot know whether the agent answers, only that it could not see it if it did.
/// </summary>
public sealed class UnsubscribedPublishes
{
    private const string Publish = "ms.PublishEvent";

    // Publishes awaiting an answer and dialogs already told; a session rarely has more than a few of either.
    private const int Max = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _awaiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _told = new(StringComparer.Ordinal);

    /// <summary>Notes a request as it is sent; only a publish with one dialogId matters.</summary>
    public void ObserveRequest(JObject frame)
    {
        var info = FrameInfo.From(frame);
        if (info.IsRequest && info.Id is { } id && info.Type == Publish && WireValues.SingleString((frame["body"] as JObject)?["dialogId"]) is { } dialog)
        {
            lock (_gate)
            {
                if (_awaiting.Count >= Max)
                {
                    _awaiting.Clear();
                }
                _awaiting[id] = dialog;
            }
        }
    }

    /// <summary>The note to give for an accepted publish to a dialog not in <paramref name="subscribed"/>, the first time only; else null.</summary>
    public string? OnResponse(FrameInfo info, IReadOnlyList<string> subscribed)
    {
        if (!info.IsResponse || info.ReqId is not { } reqId)
        {
            return null;
        }
        lock (_gate)
        {
            if (!_awaiting.Remove(reqId, out var dialog) || info.Code != 200 || subscribed.Contains(dialog, StringComparer.Ordinal) || _told.Count >= Max || !_told.Add(dialog))
            {
                return null;
            }
            return $"note: this session is not subscribed to the messaging events of {dialog}, so the agent's answers there are not shown "
                + "(the server sends only what was subscribed to); 'subscribe-messages' (ms.SubscribeMessagingEvents) shows them, those so far too (from sequence 0)";
        }
    }
}
