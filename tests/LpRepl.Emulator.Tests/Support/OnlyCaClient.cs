using System.Net;
using System.Net.Sockets;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>An HttpClient whose only root is the emulator's CA, connecting every host name to one address.</summary>
public static class OnlyCaClient
{
    /// <summary>
    /// Requests to any https://NAME:PORT/ go to <paramref name="connectTo"/>:PORT while TLS checks the
    /// certificate against NAME, as a client resolving NAME to that address would.
    /// </summary>
    public static HttpClient Create(EmulatorServer server, IPAddress? connectTo = null)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = EmulatorTrust.Callback(server.CaCertificate);
        if (connectTo is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(connectTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(connectTo, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
