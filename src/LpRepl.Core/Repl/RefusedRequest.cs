namespace LpRepl.Repl;

/// <summary>
/// A request the server answered with a code of 400 or more, and where its response sits in the inbound log.
/// <see cref="ResponseType"/> is the answer's own <c>type</c> (GenericSubscribeResponse, StringResponse, …), null when it had none.
/// </summary>
public sealed record RefusedRequest(PendingRequest Request, int Code, string? Reason, long FrameIndex, string? ResponseType = null);
