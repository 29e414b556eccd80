namespace LpRepl.Commands;

/// <summary>
/// What <see cref="TokenRenewal"/> did: whether LP_JWT now holds a renewed token of the same
/// consumer (reconnect), a one-line message for the user (what happened, what was done or what to
/// do; never a whole token) and, when the user must act, the command to offer.
/// </summary>
public sealed record RenewalOutcome(bool Renewed, string Message, string? Command);
