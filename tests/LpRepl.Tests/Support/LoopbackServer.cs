using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using LpRepl.Testing;

namespace LpRepl.Tests.Support;

/// <summary>
/// A WebSocket server of the test's own on loopback (plain TCP, the RFC 6455 handshake by hand) that
/// plays whatever each connection is given: connection n runs <c>connections[n - 1]</c> (the last one
/// again past the end), so a test can refuse, accept and close, or answer, in the order it needs.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackConnection, Task>[] _connections;
    private readonly Task _accepting;
    private int _count;

    public LoopbackServer(params Func<LoopbackConnection, Task>[] connections)
    {
        _connections = connections;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Every text frame received on any connection, in order: connection number and text.</summary>
    public AwaitableLog<(int Connection, string Text)> Received { get; } = new();

    /// <summary>A consumer-socket-shaped URL on this server.</summary>
    public string Url => UrlAt("/ws_api/account/12345678/messaging/consumer?v=3");

    /// <summary>Any path on this server: the socket it opens is the same, whatever the path.</summary>
    public string UrlAt(string pathAndQuery) => $"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{pathAndQuery}";

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Answers an upgrade with an HTTP status and a body, as a server or proxy that refuses it does.</summary>
    public static async Task RefuseAsync(LoopbackConnection connection, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} Refused\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await connection.Stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray(), connection.Stopping);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    internal void Add(int connection, string text) => Received.Add((connection, text));

    internal static async Task<WebSocket> UpgradeAsync(NetworkStream stream, string head, CancellationToken ct)
    {
        var key = head.Split("\r\n").Select(l => l.Split(':', 2)).First(p => p.Length == 2 && p[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))[1].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + HandshakeGuid)));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"), ct);
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var n = Interlocked.Increment(ref _count);
            _ = Task.Run(() => ServeAsync(client, n));
        }
    }

    private async Task ServeAsync(TcpClient client, int n)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                await using var connection = new LoopbackConnection(this, n, stream, head, _stop.Token);
                await _connections[Math.Min(n, _connections.Length) - 1](connection);
            }
            catch (Exception e) when (e is IOException or SocketException or WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server stopped.
            }
        }
    }

    // Byte by byte up to the blank line, so no byte of the first frame after it is swallowed.
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16384)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }
}
