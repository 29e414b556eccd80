using LpRepl.Frames;
using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>Variables the session fills in by itself from what the server says.</summary>
internal static class InboundCaptures
{
    public static void Apply(JObject frame, FrameInfo info, SessionVariables variables, IReplOutput output)
    {
        if (info.Type == "cm.RequestConversationResponse" && info.Code == 200
            && frame["body"]?["conversationId"] is JValue { Type: JTokenType.String } id)
        {
            var conversationId = (string)id!;
            variables.Set("conversationId", conversationId);
            // The MAIN dialog's id is the conversation id (protocol.md §7.1).
            variables.Set("dialogId", conversationId);
            output.Info($"conversationId={conversationId} (also dialogId)");
        }
    }
}
