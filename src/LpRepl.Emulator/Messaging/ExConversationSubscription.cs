using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// One cqm.SubscribeExConversations of one connection. It remembers which conversations it has
/// shown, so a change that takes one out of the filter becomes a DELETE, and only then.
/// Guarded by the consumer's gate.
/// </summary>
internal sealed class ExConversationSubscription
{
    private readonly ExConversationFilter _filter;
    private readonly string _brandId;
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    public ExConversationSubscription(string id, ExConversationFilter filter, string brandId)
    {
        Id = id;
        _filter = filter;
        _brandId = brandId;
    }

    public string Id { get; }

    /// <summary>The initial notification's changes: an UPSERT for each matching conversation.</summary>
    public JArray Snapshot(IEnumerable<Conversation> conversations) =>
        new(conversations.Select(ChangeFor).OfType<JObject>());

    /// <summary>UPSERT if the conversation matches, DELETE if it just stopped matching, else null.</summary>
    public JObject? ChangeFor(Conversation conversation)
    {
        if (_filter.Matches(conversation))
        {
            _shown.Add(conversation.Id);
            return new JObject { ["type"] = "UPSERT", ["result"] = ConversationDetails.Result(conversation, _brandId) };
        }

        return _shown.Remove(conversation.Id)
            ? new JObject { ["type"] = "DELETE", ["result"] = new JObject { ["convId"] = conversation.Id } }
            : null;
    }

    public string Notification(JArray changes) =>
        Frames.Notification(new JObject { ["subscriptionId"] = Id, ["changes"] = changes }, ResponseTypes.ExConversationChangeNotification);
}
