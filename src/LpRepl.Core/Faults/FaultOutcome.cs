namespace LpRepl.Faults;

/// <summary>What a fault did (to how many sockets), or why it could not.</summary>
public sealed record FaultOutcome(bool Ok, string Message);
