using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>A test consumer over a real ClientWebSocket: buffers every frame so tests await the one they expect.</summary>
public sealed class ConsumerClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly List<JObject> _frames = [];
    private readonly HashSet<JObject> _taken = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiveLoop;
    private int _nextId;

    public ConsumerClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The reason text of the server's close frame, once it closed.</summary>
    public string? CloseDescription { get; private set; }

    /// <summary>Completes with the server's close status once the connection closes.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    /// <summary>Every frame received so far, in order.</summary>
    public IReadOnlyList<JObject> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Deadline.After());

    /// <summary>Sends a request (headers go top-level) with a fresh string id and waits for the response carrying that id.</summary>
    public async Task<JObject> RequestAsync(string type, object? body = null, object? headers = null)
    {
        var id = "t" + Interlocked.Increment(ref _nextId);
        var request = new JObject { ["kind"] = "req", ["id"] = id, ["type"] = type };
        foreach (var (name, value) in new[] { ("body", body), ("headers", headers) })
        {
            if (value is not null)
            {
                request[name] = JToken.FromObject(value);
            }
        }

        await SendAsync(request.ToString(Formatting.None));
        return await NextAsync(f => (string?)f["kind"] == "resp" && (string?)f["reqId"] == id);
    }

    /// <summary>Returns the first not yet returned frame that matches, waiting for it up to the timeout.</summary>
    public async Task<JObject> NextAsync(Func<JObject, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            lock (_frames)
            {
                var found = _frames.FirstOrDefault(f => !_taken.Contains(f) && match(f));
                if (found is not null)
                {
                    _taken.Add(found);
                    return found;
                }
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching frame arrived. Received:\n" + string.Join("\n", Frames.Select(f => f.ToString(Formatting.None))));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                // Only the close goes out; the receive loop reads on to the server's close. CloseAsync
                // would read too, beside the loop, and split a frame arriving meanwhile between the two.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
                await _receiveLoop.WaitAsync(cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Already gone: nothing to close.
            }
        }

        _socket.Abort();
        await _receiveLoop;
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseDescription = result.CloseStatusDescription;
                    _closed.TrySetResult(result.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var frame = JObject.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                    lock (_frames)
                    {
                        _frames.Add(frame);
                    }

                    _arrived.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
    }
}
