namespace LpRepl.Agent;

/// <summary>
/// The agent's side of the embedded emulator, for the <c>agent</c> command: what a person does in
/// LiveEngage during the tutorials (accept, type, answer, read, close). Null when the session
/// points at real LivePerson services.
/// </summary>
public interface IAgentSeat
{
    /// <summary>auto, manual or silent.</summary>
    string Mode { get; }

    AgentOutcome SetMode(string mode);

    AgentOutcome Accept(string account, string conversationId);

    AgentOutcome Say(string account, string conversationId, string text);

    AgentOutcome Typing(string account, string conversationId, bool composing);

    AgentOutcome Read(string account, string conversationId);

    AgentOutcome Close(string account, string conversationId);

    /// <summary>The account's most recently opened conversation, for when the session has none.</summary>
    string? LatestConversation(string account);
}
