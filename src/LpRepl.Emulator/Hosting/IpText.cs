using System.Net;
using System.Net.Sockets;

namespace LpRepl.Emulator.Hosting;

/// <summary>IP addresses as people write them: dotted quads for IPv4, colons for IPv6.</summary>
public static class IpText
{
    /// <summary>
    /// An IPv4 address in four dotted decimal parts, or an IPv6 address (no brackets, no zone).
    /// Stricter than <see cref="IPAddress.TryParse(string, out IPAddress)"/>, which reads "8443" as 0.0.32.251.
    /// </summary>
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        var written = parsed.AddressFamily == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal)
            : text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if (written)
        {
            address = parsed;
        }

        return written;
    }

    /// <summary>0.0.0.0 or ::, "every interface": where to listen, never where to connect.</summary>
    public static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>The address as the host part of a URL authority: IPv6 in brackets.</summary>
    public static string ForAuthority(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
