using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LpRepl.Emulator.AccountConfig;

/// <summary>Bearer tokens handed out by the agent login, per account; any user name and password log in.</summary>
internal sealed class AgentSessions
{
    private readonly ConcurrentDictionary<(string Account, string Bearer), string> _loginNames = new();

    /// <summary>A new opaque bearer (64 hex characters) for this login on this account.</summary>
    public string Login(string account, string loginName)
    {
        var bearer = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _loginNames[(account, bearer)] = loginName;
        return bearer;
    }

    public bool IsValid(string account, string bearer) => _loginNames.ContainsKey((account, bearer));
}
