using LpRepl.Frames;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>
/// What this session is subscribed to, so a reconnect can subscribe again. It watches the requests
/// the session sends and the answers to them, and counts only what the server accepted (code 200):
/// <c>ms.SubscribeMessagingEvents</c> per dialog and each <c>cqm.SubscribeExConversations</c>
/// (until a <c>cqm.UnsubscribeExConversations</c> of its subscriptionId). A server's odd frame is
/// ignored, never thrown on. Thread-safe: requests and answers come from different threads.
/// </summary>
public sealed class SubscriptionLedger
{
    /// <summary>Dialogs remembered; beyond it the oldest is forgotten (a session rarely has more than a few).</summary>
    public const int MaxDialogs = 256;

    /// <summary>ExConversations subscriptions remembered; beyond it the oldest is forgotten.</summary>
    public const int MaxExConversations = 32;

    // Requests awaiting an answer; a server that never answers must not grow this without end.
    private const int MaxAwaiting = 1024;

    private const string Subscribe = "ms.SubscribeMessagingEvents";
    private const string SubscribeEx = "cqm.SubscribeExConversations";
    private const string UnsubscribeEx = "cqm.UnsubscribeExConversations";

    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, MessagingSubscription> _dialogs = new(StringComparer.Ordinal);
    private readonly List<ExConversationsSubscription> _exConversations = [];
    private readonly BoundedMap<SubscriptionRequest> _awaiting = new(MaxAwaiting);
    private readonly BoundedMap<bool> _restoreIds = new(MaxAwaiting);

    /// <summary>The dialogs whose messaging events this session subscribed to, oldest first.</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_gate)
            {
                return [.. _dialogs.Keys];
            }
        }
    }

    /// <summary>How many ExConversations subscriptions are active.</summary>
    public int ExConversationsCount
    {
        get
        {
            lock (_gate)
            {
                return _exConversations.Count;
            }
        }
    }

    /// <summary>Notes a request frame as it is sent; only the subscription types matter, others are ignored.</summary>
    public void ObserveRequest(JObject frame)
    {
        var info = FrameInfo.From(frame);
        if (!info.IsRequest || info.Id is null)
        {
            return;
        }
        var body = frame["body"] as JObject;
        SubscriptionRequest? request = info.Type switch
        {
            Subscribe when WireValues.SingleString(body?["dialogId"]) is { } dialog => new(Subscribe, (JObject)body!.DeepClone(), dialog, null),
            // Every field of its body is optional, so a request with none is a subscription to everything.
            SubscribeEx when body is not null || frame["body"] is null => new(SubscribeEx, (JObject?)body?.DeepClone() ?? [], null, null),
            UnsubscribeEx when WireValues.SingleString(body?["subscriptionId"]) is { } id => new(UnsubscribeEx, body!, null, id),
            _ => null,
        };
        if (request is not null)
        {
            lock (_gate)
            {
                _awaiting.Set(info.Id, request);
            }
        }
    }

    /// <summary>Notes a response frame; a 200 to a subscription request noted before changes the ledger.</summary>
    public void ObserveResponse(JObject frame)
    {
        var info = FrameInfo.From(frame);
        if (!info.IsResponse || info.ReqId is null)
        {
            return;
        }
        lock (_gate)
        {
            if (!_awaiting.Remove(info.ReqId, out var request) || info.Code != 200)
            {
                // A refusal changes nothing: a refused restore keeps its entry for the next reconnect.
                return;
            }
            switch (request.Type)
            {
                case Subscribe:
                    Remember(new MessagingSubscription(request.DialogId!, request.Body, WireValues.Sequence(request.Body["fromSeq"])));
                    break;
                case SubscribeEx:
                    Remember(new ExConversationsSubscription(request.Body, WireValues.SingleString((frame["body"] as JObject)?["subscriptionId"])));
                    break;
                default:
                    _exConversations.RemoveAll(s => s.SubscriptionId == request.SubscriptionId);
                    break;
            }
        }
    }

    /// <summary>
    /// The requests that restore every subscription on a new socket: per dialog, fromSeq is one past
    /// the last sequence seen there (never below the fromSeq first asked for), so nothing seen is
    /// sent again and nothing missed is lost. Their answers update the ledger like any other
    /// (an ExConversations subscription gets its new id), so the caller need only pass them on.
    /// </summary>
    /// <param name="lastSequence">The last sequence seen in a dialog, or null (e.g. <see cref="DialogSequences.Last"/>).</param>
    /// <param name="nextId">Issues a request id not used on this session before.</param>
    public IReadOnlyList<RestoreFrame> RestoreFrames(Func<string, long?> lastSequence, Func<string> nextId)
    {
        List<MessagingSubscription> dialogs;
        List<ExConversationsSubscription> exConversations;
        lock (_gate)
        {
            dialogs = [.. _dialogs.Values];
            exConversations = [.. _exConversations];
        }
        var frames = new List<RestoreFrame>(dialogs.Count + exConversations.Count);
        foreach (var subscription in dialogs)
        {
            var body = (JObject)subscription.Body.DeepClone();
            body["dialogId"] = subscription.DialogId;
            var from = FromSeq(subscription, lastSequence(subscription.DialogId));
            if (from is { } seq)
            {
                body["fromSeq"] = seq;
            }
            var what = $"messaging events of dialog {subscription.DialogId} from sequence {from ?? 0}";
            frames.Add(Restore(Subscribe, body, nextId(), what));
        }
        foreach (var subscription in exConversations)
        {
            frames.Add(Restore(SubscribeEx, (JObject)subscription.Body.DeepClone(), nextId(), "conversation metadata (ExConversations)"));
        }
        return frames;
    }

    /// <summary>True when <paramref name="reqId"/> answers a request <see cref="RestoreFrames"/> made.</summary>
    public bool IsRestore(string reqId)
    {
        lock (_gate)
        {
            return _restoreIds.Contains(reqId);
        }
    }

    /// <summary>Forgets everything, for a new consumer whose subscriptions these are not.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _dialogs.Clear();
            _exConversations.Clear();
            _awaiting.Clear();
            _restoreIds.Clear();
        }
    }

    // Sequences are dense from 0, so last + 1 is the first one not yet seen; fromSeq is "greater or equal".
    private static long? FromSeq(MessagingSubscription subscription, long? last)
    {
        var next = last is { } seen && seen < long.MaxValue ? seen + 1 : (long?)null;
        return (next, subscription.FromSeq) switch
        {
            ({ } n, { } asked) => Math.Max(n, asked),
            ({ } n, null) => n,
            (null, var asked) => asked,
        };
    }

    private RestoreFrame Restore(string type, JObject body, string id, string what)
    {
        var frame = new JObject { ["kind"] = "req", ["id"] = id, ["type"] = type, ["body"] = body };
        lock (_gate)
        {
            _restoreIds.Set(id, true);
            // Registered here, so the answer counts even if the caller does not pass the request back in.
            _awaiting.Set(id, type == Subscribe
                ? new SubscriptionRequest(type, body, (string)body["dialogId"]!, null)
                : new SubscriptionRequest(type, body, null, null));
        }
        return new RestoreFrame(id, type, frame.ToString(Formatting.None), what);
    }

    private void Remember(MessagingSubscription subscription)
    {
        if (!_dialogs.ContainsKey(subscription.DialogId) && _dialogs.Count >= MaxDialogs)
        {
            _dialogs.RemoveAt(0);
        }
        _dialogs[subscription.DialogId] = subscription;
    }

    // The same filter subscribed again (a restore, or the user repeating it) is one subscription with a new id.
    private void Remember(ExConversationsSubscription subscription)
    {
        var same = _exConversations.FindIndex(s => JToken.DeepEquals(s.Body, subscription.Body));
        if (same >= 0)
        {
            _exConversations[same] = subscription;
            return;
        }
        if (_exConversations.Count >= MaxExConversations)
        {
            _exConversations.RemoveAt(0);
        }
        _exConversations.Add(subscription);
    }
}
