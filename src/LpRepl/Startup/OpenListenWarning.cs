using System.Net;
using LpRepl.Emulator.Hosting;

namespace LpRepl.App.Startup;

/// <summary>What <c>lprepl emulator</c> says on stderr when it listens beyond loopback.</summary>
public static class OpenListenWarning
{
    /// <summary>Whether an emulator listening on <paramref name="host"/> can be reached from other machines.</summary>
    public static bool IsOpen(string host) => !IPAddress.IsLoopback(IPAddress.Parse(host));

    /// <summary>The warning's lines, for a listener on <paramref name="host"/> that clients reach at <paramref name="authority"/>.</summary>
    public static IEnumerable<string> Lines(string host, string localAuthority, string authority)
    {
        var listening = IpText.IsWildcard(IPAddress.Parse(host)) ? $"every interface ({host})" : host;
        var port = localAuthority[(localAuthority.LastIndexOf(':') + 1)..];
        yield return $"lprepl emulator: WARNING: listening on {listening}, port {port}: this emulator is REACHABLE FROM OUTSIDE THIS MACHINE.";
        yield return "  Everyone who can reach that address can sign up, connect and read the conversations on it: it checks no one.";
        yield return "  Its tokens and its CA are for tests only: trust its CA in test clients alone and give it no real data.";
        yield return $"  To keep it local: --host 127.0.0.1 (the default); in Docker publish the port on the host's loopback only: docker run -p 127.0.0.1:{port}:{port} …";
        yield return $"  Clients are told to use {authority} (--advertise HOST[:PORT] to change it); /emulator/faults still answers loopback callers only.";
    }
}
