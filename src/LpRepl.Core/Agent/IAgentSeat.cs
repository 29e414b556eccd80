namespace LpRepl.Agent;

/// <summary>
/// The agent's side of an emulator, for the <c>agent</c> command: what a person does in LiveEngage
/// during the tutorials (accept, type, answer, read, close). The embedded emulator's seat is in
/// process; a standalone one's is reached over its loopback control endpoint. A conversation id of
/// null means the account's newest conversation.
/// </summary>
public interface IAgentSeat
{
    /// <summary>What status says of the target (e.g. "the embedded emulator, agent mode manual"), known without a network call; null when not known yet.</summary>
    string? Target { get; }

    /// <summary>The mode (auto, manual or silent) as the message.</summary>
    Task<AgentOutcome> ModeAsync(CancellationToken ct);

    Task<AgentOutcome> SetModeAsync(string mode, CancellationToken ct);

    Task<AgentOutcome> AcceptAsync(string account, string? conversationId, CancellationToken ct);

    Task<AgentOutcome> SayAsync(string account, string? conversationId, string text, CancellationToken ct);

    Task<AgentOutcome> TypingAsync(string account, string? conversationId, bool composing, CancellationToken ct);

    Task<AgentOutcome> ReadAsync(string account, string? conversationId, CancellationToken ct);

    Task<AgentOutcome> CloseAsync(string account, string? conversationId, CancellationToken ct);
}
