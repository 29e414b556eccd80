namespace LpRepl.Agent;

/// <summary>What an agent action did, or why it could not; <see cref="Sequence"/> is the event's sequence when it took one.</summary>
public sealed record AgentOutcome(bool Ok, string Message, int? Sequence = null)
{
    /// <summary>The words every seat uses when the account has no conversation to act on.</summary>
    public static readonly AgentOutcome NoConversation = new(false, "no conversation yet: request one first (request-conversation), then act as its agent");

    /// <summary>The modes a seat takes, as typed.</summary>
    public static readonly IReadOnlyList<string> Modes = ["auto", "manual", "silent"];

    public static AgentOutcome BadMode(string mode) => new(false, $"mode must be auto, manual or silent (not '{mode}')");
}
