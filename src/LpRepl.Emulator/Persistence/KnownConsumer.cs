namespace LpRepl.Emulator.Persistence;

/// <summary>A consumer the emulator has seen on a socket: its account, its id (the token's sub) and when, in epoch ms.</summary>
public sealed record KnownConsumer(string Account, string ConsumerId, long LastSeenMs);
