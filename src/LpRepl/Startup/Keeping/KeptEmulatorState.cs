using LpRepl.Emulator.Persistence;

namespace LpRepl.App.Startup.Keeping;

/// <summary>What the embedded emulator keeps from one run to the next: its keys and the consumers it has seen.</summary>
public sealed record KeptEmulatorState(EmulatorKeys Keys, IReadOnlyList<KnownConsumer> Consumers)
{
    /// <summary>Consumers kept, across accounts: the most recently seen win. Conversations and messages are never kept.</summary>
    public const int MaxConsumers = 1_000;

    public static KeptEmulatorState Fresh() => new(EmulatorKeys.Generate(), []);

    /// <summary>These consumers and <paramref name="more"/>, one entry per consumer (its latest sighting), the newest <see cref="MaxConsumers"/>.</summary>
    public KeptEmulatorState WithConsumers(IEnumerable<KnownConsumer> more) => this with
    {
        Consumers = [.. Consumers.Concat(more)
            .GroupBy(c => (c.Account, c.ConsumerId))
            .Select(g => g.MaxBy(c => c.LastSeenMs)!)
            .OrderByDescending(c => c.LastSeenMs)
            .ThenBy(c => c.Account, StringComparer.Ordinal)
            .ThenBy(c => c.ConsumerId, StringComparer.Ordinal)
            .Take(MaxConsumers)],
    };

    /// <summary>Whether <paramref name="other"/> signs with the same key (the same emulator identity).</summary>
    public bool SameKeysAs(KeptEmulatorState other) => Keys.Signing.AsSpan().SequenceEqual(other.Keys.Signing);
}
