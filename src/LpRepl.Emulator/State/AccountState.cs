using System.Collections.Concurrent;

namespace LpRepl.Emulator.State;

/// <summary>The consumers of one account and who owns which conversation.</summary>
internal sealed class AccountState
{
    private readonly ConcurrentDictionary<string, ConsumerState> _consumers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConsumerState> _conversationOwners = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;
    private readonly IdleConsumers? _idle;

    // idle: where consumers that left are counted and the oldest forgotten; null keeps every one.
    public AccountState(string accountId, string agentId, TimeProvider? time = null, IdleConsumers? idle = null)
    {
        AccountId = accountId;
        AgentId = agentId;
        _time = time ?? TimeProvider.System;
        _idle = idle;
    }

    public string AccountId { get; }

    /// <summary>The simulated agent of this account; the same id for every conversation.</summary>
    public string AgentId { get; }

    /// <summary>The consumer a socket authenticated as, stamped as seen now.</summary>
    public ConsumerState GetConsumer(string consumerId)
    {
        while (true)
        {
            var consumer = _consumers.GetOrAdd(consumerId, id => new ConsumerState(AccountId, id));
            lock (consumer.Gate)
            {
                // A consumer forgotten between the lookup and the lock is gone from the map: look again.
                if (consumer.MarkSeen(_time.GetUtcNow().ToUnixTimeMilliseconds()))
                {
                    return consumer;
                }
            }
        }
    }

    /// <summary>A socket of this consumer ended: it may now be idle, and the oldest idle consumers forgotten.</summary>
    public void ConsumerLeft(ConsumerState consumer) => _idle?.Left(this, consumer);

    /// <summary>Drops an idle consumer not seen again since <paramref name="seen"/>, with its conversations.</summary>
    public void Forget(ConsumerState consumer, long seen)
    {
        string[] conversationIds;
        lock (consumer.Gate)
        {
            if (!consumer.TryForget(seen))
            {
                return;
            }

            _consumers.TryRemove(new KeyValuePair<string, ConsumerState>(consumer.ConsumerId, consumer));
            conversationIds = [.. consumer.Conversations.Select(c => c.Id)];
        }

        foreach (var id in conversationIds)
        {
            _conversationOwners.TryRemove(new KeyValuePair<string, ConsumerState>(id, consumer));
        }
    }

    /// <summary>A consumer kept from an earlier run: known again, with no conversations (those last one run).</summary>
    public void Remember(string consumerId, long lastSeenMs) =>
        _consumers.GetOrAdd(consumerId, id => new ConsumerState(AccountId, id) { LastSeenMs = lastSeenMs });

    public IEnumerable<ConsumerState> Consumers => _consumers.Values;

    /// <summary>The conversation opened last in this account, for an agent command given no id.</summary>
    public string? LatestConversationId { get; private set; }

    public void RegisterConversation(string conversationId, ConsumerState owner)
    {
        _conversationOwners[conversationId] = owner;
        LatestConversationId = conversationId;
    }

    public ConsumerState? FindConversationOwner(string conversationId) =>
        _conversationOwners.GetValueOrDefault(conversationId);
}
