namespace LpRepl.Emulator.Agent;

/// <summary>
/// A conversation as the agent's seat lists it: whose it is, where it stands (waiting for the agent,
/// accepted, closed) and its last message, for the console's <c>conversations</c> and GET /emulator/agent.
/// LastFrom is consumer or agent, who wrote LastMessage; both are null while nobody has written.
/// </summary>
public sealed record AgentConversation(
    string Account,
    string Id,
    string ConsumerId,
    string State,
    long StartTs,
    string? LastFrom,
    string? LastMessage)
{
    public const string Waiting = "waiting";

    public const string Accepted = "accepted";

    public const string Closed = "closed";

    public bool IsOpen => State != Closed;
}
