namespace LpRepl.Agent;

/// <summary>What an agent action did, or why it could not; <see cref="Sequence"/> is the event's sequence when it took one.</summary>
public sealed record AgentOutcome(bool Ok, string Message, int? Sequence = null);
