namespace LpRepl.Emulator.Agent;

/// <summary>What an agent action did, or why it could not; <see cref="Sequence"/> is the published event's sequence when it took one.</summary>
public sealed record AgentActionResult(bool Ok, string Message, int? Sequence = null)
{
    internal static AgentActionResult Fail(string message) => new(false, message);
}
