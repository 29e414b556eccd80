using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Support;

/// <summary>One TCP connection of a <see cref="LoopbackServer"/>, its request head read: refuse it, or upgrade it and play the server.</summary>
public sealed class LoopbackConnection(LoopbackServer server, int number, NetworkStream stream, string head, CancellationToken stopping) : IAsyncDisposable
{
    private WebSocket? _socket;

    /// <summary>1 for the first connection the server accepted.</summary>
    public int Number => number;

    /// <summary>The upgrade request's head, headers and all.</summary>
    public string Head => head;

    public NetworkStream Stream => stream;

    public CancellationToken Stopping => stopping;

    public WebSocket Socket => _socket ?? throw new InvalidOperationException("not upgraded");

    public async Task UpgradeAsync() => _socket = await LoopbackServer.UpgradeAsync(stream, head, stopping);

    /// <summary>The next text frame, or null once the client closed.</summary>
    public async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, stopping);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.ToArray());
                server.Add(number, text);
                return text;
            }
        }
    }

    /// <summary>Answers the next request with a 200 of its type, as a server that took the token does; returns the request.</summary>
    public async Task<string?> AnswerOneAsync()
    {
        if (await ReceiveAsync() is not { } text)
        {
            return null;
        }
        var request = JObject.Parse(text);
        var answer = new JObject { ["kind"] = "resp", ["reqId"] = request["id"], ["code"] = 200, ["body"] = new JObject(), ["type"] = request["type"] + "Response" };
        await SendAsync(answer.ToString(Newtonsoft.Json.Formatting.None));
        return text;
    }

    public Task SendAsync(string frame) => Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, stopping);

    /// <summary>Closes with a code and reason, and waits (briefly) for the client's answer.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        wait.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await Socket.CloseAsync((WebSocketCloseStatus)code, reason, wait.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // A client that does not answer the close is dropped.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }
}
