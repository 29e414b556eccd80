namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>The body both history requests share (subscribe and query): a dialog id and where to start.</summary>
internal static class HistoryRequest
{
    /// <summary>Reads <c>dialogId</c> and <c>fromSeq</c> of a body the protocol model has checked (dialogId a string, fromSeq an integer if given).</summary>
    public static (string DialogId, int FromSeq) Read(RequestContext context) =>
        ((string)context.Body!["dialogId"]!, FromSequence.Read(context.Body["fromSeq"]));
}
