namespace LpRepl.Repl;

/// <summary>What a 4401/4407 led to: a new token for the same consumer (then reconnect), or advice to act on.</summary>
public sealed record IdentityRenewal(bool Renewed, string Message);
