using System.Collections.Concurrent;

namespace LpRepl.Emulator.State;

/// <summary>The consumers of one account and who owns which conversation.</summary>
internal sealed class AccountState
{
    private readonly ConcurrentDictionary<string, ConsumerState> _consumers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConsumerState> _conversationOwners = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;

    public AccountState(string accountId, string agentId, TimeProvider? time = null)
    {
        AccountId = accountId;
        AgentId = agentId;
        _time = time ?? TimeProvider.System;
    }

    public string AccountId { get; }

    /// <summary>The simulated agent of this account; the same id for every conversation.</summary>
    public string AgentId { get; }

    /// <summary>The consumer a socket authenticated as, stamped as seen now.</summary>
    public ConsumerState GetConsumer(string consumerId)
    {
        var consumer = _consumers.GetOrAdd(consumerId, id => new ConsumerState(AccountId, id));
        consumer.LastSeenMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return consumer;
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
