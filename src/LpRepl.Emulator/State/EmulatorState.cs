using System.Collections.Concurrent;
using LpRepl.Emulator.Agent;

namespace LpRepl.Emulator.State;

/// <summary>All in-memory state of one emulator run, per account.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);

    public AccountState GetAccount(string accountId) =>
        _accounts.GetOrAdd(accountId, id => new AccountState(id, AgentIdentity.For(id)));

    public AccountState? FindAccount(string accountId) => _accounts.GetValueOrDefault(accountId);
}
