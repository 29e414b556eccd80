using System.Collections.Concurrent;
using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Http;
using LpRepl.Emulator.Persistence;

namespace LpRepl.Emulator.State;

/// <summary>All in-memory state of one emulator run, per account.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IdleConsumers? _idle;

    // maxIdleConsumers: how many consumers without a socket or an open conversation keep their
    // closed conversations (across accounts); null keeps every one.
    public EmulatorState(TimeProvider? time = null, int? maxIdleConsumers = null)
    {
        _time = time ?? TimeProvider.System;
        _idle = maxIdleConsumers is { } limit ? new IdleConsumers(limit) : null;
    }

    public AccountState GetAccount(string accountId) =>
        _accounts.GetOrAdd(accountId, id => new AccountState(id, AgentIdentity.For(id), _time, _idle));

    public AccountState? FindAccount(string accountId) => _accounts.GetValueOrDefault(accountId);

    /// <summary>Every account seen this run (or kept from the last one).</summary>
    public IEnumerable<AccountState> Accounts => _accounts.Values;

    /// <summary>The consumers of every account, for keeping them across runs.</summary>
    public IReadOnlyList<KnownConsumer> KnownConsumers() =>
        [.. _accounts.Values.SelectMany(a => a.Consumers.Select(c => new KnownConsumer(a.AccountId, c.ConsumerId, c.LastSeenMs)))];

    public void Remember(IEnumerable<KnownConsumer> consumers)
    {
        foreach (var consumer in consumers)
        {
            if (AccountId.IsValid(consumer.Account))
            {
                GetAccount(consumer.Account).Remember(consumer.ConsumerId, consumer.LastSeenMs);
            }
        }
    }
}
