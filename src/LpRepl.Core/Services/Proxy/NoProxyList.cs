using System.Net;

namespace LpRepl.Services.Proxy;

/// <summary>
/// curl's <c>NO_PROXY</c>: comma-separated hosts, each matching itself and its subdomains (a
/// leading dot is optional), IP addresses and CIDR ranges, and <c>*</c> for everything.
/// </summary>
public sealed class NoProxyList
{
    private readonly List<string> _domains = [];
    private readonly List<(IPAddress Network, int Prefix)> _ranges = [];
    private bool _all;

    public NoProxyList(string? value)
    {
        foreach (var raw in (value ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(raw);
        }
    }

    public bool IsEmpty => !_all && _domains.Count == 0 && _ranges.Count == 0;

    /// <summary>Adds one entry, as if it were listed in NO_PROXY.</summary>
    public void Add(string entry)
    {
        if (entry == "*")
        {
            _all = true;
            return;
        }
        var slash = entry.IndexOf('/');
        var address = slash < 0 ? entry : entry[..slash];
        if (IPAddress.TryParse(address.Trim('[', ']'), out var ip))
        {
            var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            var prefix = slash < 0 ? max : int.TryParse(entry[(slash + 1)..], out var p) && p >= 0 && p <= max ? p : -1;
            if (prefix >= 0)
            {
                _ranges.Add((ip, prefix));
            }
            return;
        }
        // "example.com", ".example.com" and "*.example.com" all mean the domain and its subdomains.
        _domains.Add(entry.TrimStart('*').TrimStart('.').ToLowerInvariant());
    }

    public bool Matches(string host)
    {
        if (_all)
        {
            return true;
        }
        host = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host, out var ip))
        {
            return _ranges.Any(r => InRange(ip, r.Network, r.Prefix)) || _domains.Contains(host);
        }
        return _domains.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal));
    }

    private static bool InRange(IPAddress ip, IPAddress network, int prefix)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        if (ip.AddressFamily != network.AddressFamily)
        {
            return false;
        }
        var a = ip.GetAddressBytes();
        var b = network.GetAddressBytes();
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(b.AsSpan(0, whole)))
        {
            return false;
        }
        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
