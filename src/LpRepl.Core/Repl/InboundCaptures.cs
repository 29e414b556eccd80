using LpRepl.Frames;
using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>Variables the session fills in by itself from what the server says.</summary>
internal static class InboundCaptures
{
    /// <summary>Whether the answer to a request of this type sets a variable (see <see cref="Apply"/>).</summary>
    public static bool Captures(string? requestType) => requestType is "cm.ConsumerRequestConversation" or "cqm.SubscribeExConversations";

    public static void Apply(JObject frame, FrameInfo info, SessionVariables variables, IReplOutput output)
    {
        if (info.Type == "cm.RequestConversationResponse" && info.Code == 200
            && (frame["body"] as JObject)?["conversationId"] is JValue { Type: JTokenType.String } id)
        {
            var conversationId = (string)id!;
            variables.Set("conversationId", conversationId);
            // The MAIN dialog's id is the conversation id (protocol.md §7.1).
            variables.Set("dialogId", conversationId);
            output.Info($"conversationId={conversationId} (also dialogId)");
        }
        if (info.Type == "cqm.SubscribeExConversationsResponse" && info.Code == 200
            && (frame["body"] as JObject)?["subscriptionId"] is JValue { Type: JTokenType.String } subscription)
        {
            variables.Set("subscriptionId", (string)subscription!);
            output.Info($"subscriptionId={(string)subscription!}");
        }
    }

    /// <summary>Remembers the sequences of events, so receipts can default to the agent's last message.</summary>
    public static void TrackSequences(JObject frame, FrameInfo info, DialogSequences sequences)
    {
        if (info.Type != "ms.MessagingEventNotification" || (frame["body"] as JObject)?["changes"] is not JArray changes)
        {
            return;
        }
        foreach (var change in changes.OfType<JObject>())
        {
            // A server's odd frame (a sequence past long, metadata that is not an object) is skipped, never thrown on.
            if (change["sequence"] is JValue { Type: JTokenType.Integer, Value: long sequence } && change["dialogId"] is JValue { Type: JTokenType.String } dialog)
            {
                var role = (change["originatorMetadata"] as JObject)?["role"]?.ToString();
                // The agent's own receipts carry sequences too; a receipt acknowledges a message, not a receipt.
                var eventType = (change["event"] as JObject)?["type"]?.ToString();
                var message = eventType is "ContentEvent" or "RichContentEvent";
                sequences.Seen((string)dialog!, sequence, messageFromOthers: message && role != "CONSUMER");
            }
        }
    }
}
