using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using LpRepl.Testing;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>
/// A WebSocket server of the test's own on loopback (plain TCP, the RFC 6455 handshake by hand), playing
/// a server that says whatever the test wants: it records every text frame it receives, answers each
/// request with the canned reply set for its <c>type</c> (by default a 200 response), and can push
/// frames at will. Any path is accepted, any token too.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<JObject, IEnumerable<string>>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, WebSocket> _sockets = new();
    private readonly Task _accepting;
    private int _connections;

    public HostileServer()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Every text frame received, in order, awaitable.</summary>
    public AwaitableLog<ReceivedFrame> Received { get; } = new();

    /// <summary>The path of every upgrade request, in order (connection 1 first).</summary>
    public AwaitableLog<string> Upgrades { get; } = new();

    /// <summary>The answer to requests with no canned reply; null sends nothing.</summary>
    public Func<JObject, IEnumerable<string>> DefaultReply { get; set; } = request => [Response(request, 200, new JObject())];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A consumer-socket-shaped URL on this server.</summary>
    public string Url => $"ws://127.0.0.1:{Port}/ws_api/account/test/messaging/consumer?v=3";

    /// <summary>Answers every request of <paramref name="type"/> with the frames <paramref name="reply"/> returns (none: no answer).</summary>
    public HostileServer Reply(string type, Func<JObject, IEnumerable<string>> reply)
    {
        _replies[type] = reply;
        return this;
    }

    /// <summary>A response frame to <paramref name="request"/>, shaped as the Messaging Window API's.</summary>
    public static string Response(JObject request, int code, JToken body, string? type = null) => new JObject
    {
        ["kind"] = "resp",
        ["reqId"] = request["id"]?.ToString(),
        ["code"] = code,
        ["body"] = body,
        ["type"] = type ?? request["type"] + "Response",
    }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>Pushes a frame to connection <paramref name="connection"/> (1 is the first).</summary>
    public Task SendAsync(int connection, string frame) =>
        _sockets[connection].SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets.Values)
        {
            socket.Abort();
        }
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

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var lines = head.Split("\r\n");
                var key = lines.Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))?[1].Trim();
                if (lines[0].Split(' ') is not ["GET", var path, _] || key is null)
                {
                    await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                    return;
                }
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + HandshakeGuid)));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"), _stop.Token);
                using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
                var connection = Interlocked.Increment(ref _connections);
                _sockets[connection] = socket;
                Upgrades.Add(path);
                await ReceiveLoopAsync(socket, connection, path);
            }
            catch (Exception e) when (e is IOException or SocketException or WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server stopped.
            }
        }
    }

    private async Task ReceiveLoopAsync(WebSocket socket, int connection, string path)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _stop.Token);
                return;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            Received.Add(new ReceivedFrame(connection, path, text));
            foreach (var reply in RepliesTo(text))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(reply), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
            }
        }
    }

    private IEnumerable<string> RepliesTo(string text)
    {
        JObject request;
        try
        {
            request = JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return [];
        }
        if (request["id"] is null || request["type"]?.ToString() is not { } type)
        {
            return [];
        }
        return _replies.TryGetValue(type, out var reply) ? reply(request) : DefaultReply(request);
    }

    // Byte by byte up to the blank line, so no byte of the first frame after it is swallowed.
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16384)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }
}
