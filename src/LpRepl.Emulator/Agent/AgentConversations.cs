using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Agent;

/// <summary>The conversations of every account as the agent's seat lists them, newest first.</summary>
internal static class AgentConversations
{
    public static IReadOnlyList<AgentConversation> List(EmulatorState state)
    {
        var list = new List<AgentConversation>();
        foreach (var account in state.Accounts)
        {
            foreach (var consumer in account.Consumers)
            {
                lock (consumer.Gate)
                {
                    list.AddRange(consumer.Conversations.Select(c => Describe(account.AccountId, consumer, c)));
                }
            }
        }

        return [.. list.OrderByDescending(c => c.StartTs).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>A message's text (a text/plain ContentEvent), or its kind for other content; null for receipts and chat states.</summary>
    public static string? MessageText(JObject evt) => (string?)evt["type"] switch
    {
        "ContentEvent" when evt["message"] is JValue { Type: JTokenType.String } message && (string?)evt["contentType"] is null or "text/plain" => (string?)message,
        "ContentEvent" => $"({(string?)evt["contentType"] ?? "content"})",
        "RichContentEvent" => "(rich content)",
        _ => null,
    };

    // Call under the consumer's gate.
    private static AgentConversation Describe(string account, ConsumerState consumer, Conversation conversation)
    {
        var state = !conversation.MainDialog.IsOpen ? AgentConversation.Closed
            : conversation.Participants.Any(p => p.Role == ParticipantRole.AssignedAgent) ? AgentConversation.Accepted
            : AgentConversation.Waiting;
        var last = conversation.MainDialog.Events.LastOrDefault(e => MessageText(e.Event) is not null);
        return new AgentConversation(
            account,
            conversation.Id,
            consumer.ConsumerId,
            state,
            conversation.StartTs,
            last is null ? null : last.Role == ParticipantRole.Consumer ? "consumer" : "agent",
            last is null ? null : MessageText(last.Event));
    }
}
