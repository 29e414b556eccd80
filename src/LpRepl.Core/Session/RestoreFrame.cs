namespace LpRepl.Session;

/// <summary>
/// A request the session sends by itself after a reconnect to restore a subscription: the frame
/// text to send, its request id (its answer's reqId) and a short line saying what it restores.
/// </summary>
public sealed record RestoreFrame(string Id, string Type, string Frame, string Description);
