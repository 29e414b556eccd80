namespace LpRepl.Emulator.Faults;

/// <summary>What happens to every consumer socket's outbound frames: a delay, and whether pairs are swapped.</summary>
internal sealed record OutboundPolicy(TimeSpan Delay, bool Reorder)
{
    public static OutboundPolicy None { get; } = new(TimeSpan.Zero, false);

    public bool IsNone => Delay == TimeSpan.Zero && !Reorder;
}
