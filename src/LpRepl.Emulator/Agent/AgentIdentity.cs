using System.Security.Cryptography;
using System.Text;

namespace LpRepl.Emulator.Agent;

/// <summary>Stable agent ids: a name-based (v5-style) UUID of the account, so restarts keep the same id.</summary>
internal static class AgentIdentity
{
    public static string For(string accountId)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("lprepl-emulator-agent:" + accountId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
