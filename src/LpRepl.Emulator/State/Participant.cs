namespace LpRepl.Emulator.State;

/// <summary>Someone taking part in a conversation.</summary>
internal sealed record Participant(string Id, string Role);
