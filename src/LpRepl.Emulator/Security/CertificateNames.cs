using System.Net;
using System.Net.NetworkInformation;
using LpRepl.Emulator.Hosting;

namespace LpRepl.Emulator.Security;

/// <summary>
/// The subjectAltNames of the server certificate: every name a client may use to reach the emulator,
/// since a client checks the name it connected to against them.
/// </summary>
internal sealed class CertificateNames
{
    private CertificateNames(IReadOnlyList<IPAddress> addresses, IReadOnlyList<string> dnsNames)
    {
        Addresses = addresses;
        DnsNames = dnsNames;
    }

    public IReadOnlyList<IPAddress> Addresses { get; }

    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>All of them as text, IP addresses first.</summary>
    public IReadOnlyList<string> All => [.. Addresses.Select(a => a.ToString()), .. DnsNames];

    /// <summary>
    /// Loopback (127.0.0.1, ::1, localhost) always; the listening address when it is a specific one,
    /// or, listening on every interface, this machine's addresses and host name; and the advertised host.
    /// </summary>
    public static CertificateNames For(IPAddress listening, AdvertisedAddress? advertised)
    {
        var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        var dnsNames = new List<string> { "localhost" };
        if (IpText.IsWildcard(listening))
        {
            addresses.AddRange(MachineAddresses());
            if (MachineName() is { } name)
            {
                dnsNames.Add(name);
            }
        }
        else
        {
            addresses.Add(listening);
        }

        if (advertised?.Address is { } ip)
        {
            addresses.Add(ip);
        }
        else if (advertised is not null)
        {
            dnsNames.Add(advertised.Host);
        }

        // The zone of a link-local address is not part of a subjectAltName.
        var distinct = addresses.Select(a => new IPAddress(a.GetAddressBytes())).Distinct().ToList();
        return new CertificateNames(distinct, dnsNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static IEnumerable<IPAddress> MachineAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .ToList();
        }
        catch (NetworkInformationException)
        {
            // No list of interfaces (a locked-down sandbox): clients then use loopback or --advertise.
            return [];
        }
    }

    private static string? MachineName()
    {
        var name = Dns.GetHostName().ToLowerInvariant();
        return name.Length is > 0 and <= 253 && Uri.CheckHostName(name) == UriHostNameType.Dns ? name : null;
    }
}
