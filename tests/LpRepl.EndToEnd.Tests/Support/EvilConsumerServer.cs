using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>
/// A hostile consumer endpoint on loopback (plain ws://, a raw TCP listener doing the WebSocket
/// handshake itself): it answers a conversation request with <see cref="Evil"/> as the
/// conversationId, then sends an agent message holding it too, then a frame that is not JSON
/// with a raw ESC in it. Every other request gets a plain 200.
/// </summary>
public sealed partial class EvilConsumerServer : IAsyncDisposable
{
    /// <summary>Retitles and clears a terminal that obeys it; a one-byte CSI; a right-to-left override.</summary>
    public const string Evil = "x\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil";

    /// <summary>How a safe terminal shows <see cref="Evil"/>.</summary>
    public const string EvilShown = "x\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public EvilConsumerServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ws_api/account/12345678/messaging/consumer?v=3";

    [GeneratedRegex(@"^Sec-WebSocket-Key:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Key();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var key = Key().Match(head).Groups[1].Value;
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"), _stop.Token);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            while (await ReceiveAsync(socket) is { } text)
            {
                var frame = JObject.Parse(text);
                var id = (string?)frame["id"];
                if ((string?)frame["type"] == "cm.ConsumerRequestConversation")
                {
                    await SendAsync(socket, new JObject { ["kind"] = "resp", ["reqId"] = id, ["code"] = 200, ["body"] = new JObject { ["conversationId"] = Evil }, ["type"] = "cm.RequestConversationResponse" }.ToString(Newtonsoft.Json.Formatting.None));
                    await SendAsync(socket, AgentMessage().ToString(Newtonsoft.Json.Formatting.None));
                    await SendAsync(socket, "not json " + Evil);
                }
                else if (id is not null)
                {
                    await SendAsync(socket, new JObject { ["kind"] = "resp", ["reqId"] = id, ["code"] = 200, ["body"] = new JObject(), ["type"] = "GenericSubscribeResponse" }.ToString(Newtonsoft.Json.Formatting.None));
                }
            }
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException or Newtonsoft.Json.JsonException)
        {
            // The client went away, or sent something this server does not care about.
        }
    }

    private static JObject AgentMessage() => new()
    {
        ["kind"] = "notification",
        ["type"] = "ms.MessagingEventNotification",
        ["body"] = new JObject
        {
            ["dialogId"] = Evil,
            ["changes"] = new JArray(new JObject
            {
                ["sequence"] = 0,
                ["originatorMetadata"] = new JObject { ["id"] = "agent", ["role"] = "ASSIGNED_AGENT" },
                ["event"] = new JObject { ["type"] = "ContentEvent", ["contentType"] = "text/plain", ["message"] = Evil },
                ["dialogId"] = Evil,
            }),
        },
    };

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 16 * 1024 && !(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("the client closed during the handshake");
            }
            head.Add(one[0]);
        }
        return Encoding.ASCII.GetString(head.ToArray());
    }

    private async Task<string?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
