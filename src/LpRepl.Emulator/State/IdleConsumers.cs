using System.Collections.Concurrent;

namespace LpRepl.Emulator.State;

/// <summary>
/// Consumers with no open socket and no open conversation, in the order they left. Past
/// <see cref="Limit"/> of them, the one that left first is forgotten with its closed conversations:
/// a burst of one-off consumers does not hold the emulator's memory for as long as it runs.
/// </summary>
internal sealed class IdleConsumers
{
    private readonly ConcurrentQueue<Entry> _left = new();

    public IdleConsumers(int limit) => Limit = limit;

    /// <summary>How many idle consumers keep their closed conversations.</summary>
    public int Limit { get; }

    /// <summary>Notes a consumer that may have become idle, then forgets the oldest idle ones past the limit.</summary>
    public void Left(AccountState account, ConsumerState consumer)
    {
        long seen;
        lock (consumer.Gate)
        {
            if (!consumer.IsIdle)
            {
                return;
            }

            seen = consumer.Seen;
        }

        _left.Enqueue(new Entry(account, consumer, seen));
        // Entries of consumers seen again since they left are stale: dropped without forgetting anyone.
        while (_left.Count > Limit && _left.TryDequeue(out var oldest))
        {
            oldest.Account.Forget(oldest.Consumer, oldest.Seen);
        }
    }

    private sealed record Entry(AccountState Account, ConsumerState Consumer, long Seen);
}
