using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>The body both history requests share (subscribe and query): a dialog id and where to start.</summary>
internal static class HistoryRequest
{
    /// <summary>Reads <c>dialogId</c> and <c>fromSeq</c>, or answers the request with its 400 and returns false.</summary>
    public static bool TryRead(RequestContext context, out string dialogId, out int fromSeq)
    {
        dialogId = "";
        fromSeq = 0;
        if (context.Body?["dialogId"] is not JValue { Type: JTokenType.String, Value: string id })
        {
            context.Fail(400, "Missing dialogId");
            return false;
        }

        if (!FromSequence.TryRead(context.Body["fromSeq"], out fromSeq))
        {
            context.Fail(400, FromSequence.Error);
            return false;
        }

        dialogId = id;
        return true;
    }
}
