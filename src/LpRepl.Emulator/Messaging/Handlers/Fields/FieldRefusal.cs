namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>Why a conversation field cannot be applied to this conversation: the response code and body.</summary>
internal sealed record FieldRefusal(int Code, string Message);
