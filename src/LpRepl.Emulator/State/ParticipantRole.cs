namespace LpRepl.Emulator.State;

/// <summary>Participant roles as they appear in originatorMetadata and conversation metadata.</summary>
internal static class ParticipantRole
{
    public const string Consumer = "CONSUMER";
    public const string AssignedAgent = "ASSIGNED_AGENT";

    // The post-conversation survey bot, as in the PCS tutorial's samples.
    public const string Agent = "AGENT";
}
