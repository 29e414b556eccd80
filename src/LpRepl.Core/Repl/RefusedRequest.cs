namespace LpRepl.Repl;

/// <summary>A request the server answered with a code of 400 or more, and where its response sits in the inbound log.</summary>
public sealed record RefusedRequest(PendingRequest Request, int Code, string? Reason, long FrameIndex);
