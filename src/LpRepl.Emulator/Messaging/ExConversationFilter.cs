using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>The body of cqm.SubscribeExConversations: which of the caller's conversations a subscription shows.</summary>
internal sealed record ExConversationFilter(long MinLastUpdatedTime, IReadOnlySet<string> States, IReadOnlySet<string> Stages)
{
    // An empty set means "no filter": the schema makes every field optional.
    public bool Matches(Conversation conversation) =>
        conversation.LastUpdateTime >= MinLastUpdatedTime
        && (States.Count == 0 || States.Contains(ConversationDetails.StateOf(conversation)))
        && (Stages.Count == 0 || Stages.Contains(ConversationDetails.StageOf(conversation)));

    /// <summary>The filter of a body the protocol model has checked (minLastUpdatedTime an integer of at least 0, states OPEN or CLOSE).</summary>
    public static ExConversationFilter Parse(JObject? body) =>
        new(JsonInteger.Read(body?["minLastUpdatedTime"], 0) ?? 0, ReadStates(body?["convState"]), ReadStates(body?["stage"]));

    // A single value may be sent bare instead of in a one-element array.
    private static HashSet<string> ReadStates(JToken? token) => token switch
    {
        JArray array => array.Select(s => (string)s!).ToHashSet(StringComparer.Ordinal),
        JValue { Type: JTokenType.String } single => new HashSet<string>([(string)single!], StringComparer.Ordinal),
        _ => new HashSet<string>(StringComparer.Ordinal),
    };
}
