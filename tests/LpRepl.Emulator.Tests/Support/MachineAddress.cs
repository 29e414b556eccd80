using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>This machine's own network address: an emulator bound there and called through it sees a caller that is not loopback.</summary>
public static class MachineAddress
{
    public static IPAddress? NonLoopbackIPv4() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(u => u.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
