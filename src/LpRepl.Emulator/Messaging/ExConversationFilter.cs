using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>The body of cqm.SubscribeExConversations: which of the caller's conversations a subscription shows.</summary>
internal sealed record ExConversationFilter(long MinLastUpdatedTime, IReadOnlySet<string> States, IReadOnlySet<string> Stages)
{
    private static readonly HashSet<string> Allowed = [ConversationDetails.Open, ConversationDetails.Close];

    // An empty set means "no filter": the schema makes every field optional.
    public bool Matches(Conversation conversation) =>
        conversation.LastUpdateTime >= MinLastUpdatedTime
        && (States.Count == 0 || States.Contains(ConversationDetails.StateOf(conversation)))
        && (Stages.Count == 0 || Stages.Contains(ConversationDetails.StageOf(conversation)));

    public static ExConversationFilter? Parse(JObject? body, out string error)
    {
        error = "";
        var min = body?["minLastUpdatedTime"];
        long minLastUpdatedTime = 0;
        if (min is not (null or { Type: JTokenType.Null }))
        {
            if (min.Type != JTokenType.Integer || (long)min < 0)
            {
                error = "minLastUpdatedTime must be a non-negative integer";
                return null;
            }

            minLastUpdatedTime = (long)min;
        }

        var states = ParseStates(body?["convState"], "convState", ref error);
        var stages = ParseStates(body?["stage"], "stage", ref error);
        return states is null || stages is null ? null : new ExConversationFilter(minLastUpdatedTime, states, stages);
    }

    // A single value may be sent bare instead of in a one-element array.
    private static HashSet<string>? ParseStates(JToken? token, string name, ref string error)
    {
        var items = token switch
        {
            null or { Type: JTokenType.Null } => [],
            JArray array => array.ToList(),
            JValue value => [value],
            _ => null,
        };
        var states = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items ?? [JValue.CreateNull()])
        {
            if (item is not JValue { Type: JTokenType.String } s || !Allowed.Contains((string)s!))
            {
                error = name + " must be OPEN and/or CLOSE";
                return null;
            }

            states.Add((string)s!);
        }

        return error.Length == 0 ? states : null;
    }
}
