namespace LpRepl.Session;

/// <summary>
/// A request the session sends by itself after a reconnect to restore a subscription: the frame
/// text to send, its request id (its answer's reqId) and a short line saying what it restores.
/// </summary>
public sealed record RestoreFrame(string Id, string Type, string Frame, string What)
{
    /// <summary>A line for the log: the request and what it restores.</summary>
    public string Description => $"{Type} {Id}: restoring this session's subscription to {What}";
}
