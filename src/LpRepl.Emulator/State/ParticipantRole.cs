namespace LpRepl.Emulator.State;

/// <summary>The originatorMetadata.role values the emulator emits.</summary>
internal static class ParticipantRole
{
    public const string Consumer = "CONSUMER";
    public const string AssignedAgent = "ASSIGNED_AGENT";
}
