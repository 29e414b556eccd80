using System.Globalization;
using System.Net;

namespace LpRepl.Emulator.Hosting;

/// <summary>
/// The host (and port) clients reach the emulator by when that is not where it listens: a port
/// published under another number (<c>docker run -p 9443:8443</c>) or a name on the network.
/// </summary>
/// <param name="Host">A DNS name or an IP address (IPv6 without brackets).</param>
/// <param name="Port">The port clients connect to; null: the port the emulator listens on.</param>
public sealed record AdvertisedAddress(string Host, int? Port)
{
    private const string Expected = "HOST or HOST:PORT, the host name or IP address clients connect to and a port 1-65535 (IPv6 in brackets: [2001:db8::1]:8443)";

    /// <summary>Whether <see cref="Host"/> is an IP address (an IP subjectAltName) rather than a DNS name.</summary>
    public IPAddress? Address => IpText.TryParse(Host, out var address) ? address : null;

    /// <summary>"host:port" with the given port when none was advertised.</summary>
    public string Authority(int listeningPort) =>
        $"{(Address is { } address ? IpText.ForAuthority(address) : Host)}:{Port ?? listeningPort}";

    /// <summary>Reads HOST, HOST:PORT, [IPv6] or [IPv6]:PORT; on failure <paramref name="error"/> says what was wrong and what to give.</summary>
    public static bool TryParse(string text, out AdvertisedAddress? advertised, out string? error)
    {
        advertised = null;
        error = null;
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            var rest = close < 0 ? "?" : text[(close + 1)..];
            if (close < 0 || (rest.Length > 0 && !rest.StartsWith(':')))
            {
                error = $"'{text}' is not {Expected}";
                return false;
            }

            host = text[1..close];
            port = rest.Length > 0 ? rest[1..] : null;
            if (!IpText.TryParse(host, out var inBrackets) || inBrackets.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = $"'{host}' in brackets is not an IPv6 address; give {Expected}";
                return false;
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            host = text; // a bare IPv6 address: its colons are not a port
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }

        var portProblem = PortProblem(port, text, out var number);
        error = HostProblem(host, text) ?? portProblem;
        if (error is not null)
        {
            return false;
        }

        advertised = new AdvertisedAddress(IpText.TryParse(host, out var ip) ? ip.ToString() : host.ToLowerInvariant(), number);
        return true;
    }

    private static string? HostProblem(string host, string text)
    {
        if (IpText.TryParse(host, out var ip))
        {
            return IpText.IsWildcard(ip) ? $"'{text}': {ip} is where to listen (--host), not an address clients can connect to; give {Expected}" : null;
        }

        // Digits and dots only, yet not four parts: a mistyped IPv4 address, never a name.
        var looksNumeric = host.All(c => char.IsAsciiDigit(c) || c == '.');
        return host.Length > 0 && !looksNumeric && host.Length <= 253 && Uri.CheckHostName(host) == UriHostNameType.Dns
            ? null
            : $"'{text}' has no valid host name or IP address; give {Expected}";
    }

    private static string? PortProblem(string? port, string text, out int? number)
    {
        number = null;
        if (port is null)
        {
            return null;
        }

        if (port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, CultureInfo.InvariantCulture) is >= 1 and <= IPEndPoint.MaxPort and var value)
        {
            number = value;
            return null;
        }

        return $"'{text}' has no valid port ('{port}'); give {Expected}";
    }
}
