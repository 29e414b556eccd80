using System.Collections.Concurrent;

namespace LpRepl.Emulator.State;

/// <summary>The consumers of one account and who owns which conversation.</summary>
internal sealed class AccountState
{
    private readonly ConcurrentDictionary<string, ConsumerState> _consumers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConsumerState> _conversationOwners = new(StringComparer.Ordinal);

    public AccountState(string accountId, string agentId)
    {
        AccountId = accountId;
        AgentId = agentId;
    }

    public string AccountId { get; }

    /// <summary>The simulated agent of this account; the same id for every conversation.</summary>
    public string AgentId { get; }

    public ConsumerState GetConsumer(string consumerId) =>
        _consumers.GetOrAdd(consumerId, id => new ConsumerState(AccountId, id));

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
