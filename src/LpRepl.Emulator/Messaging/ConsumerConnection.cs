using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LpRepl.Emulator.State;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// One consumer WebSocket: a receive loop that assembles and dispatches requests, and a single
/// send loop fed by a channel so frames from handlers, fan-out and the agent never interleave.
/// </summary>
internal sealed class ConsumerConnection : IDialogSubscriber
{
    // Inbound data is untrusted: a frame larger than this closes the connection with 1009.
    public const int MaxMessageBytes = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly RequestDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _subscribedDialogs = new(StringComparer.Ordinal); // guarded by Consumer.Gate

    public ConsumerConnection(WebSocket socket, AccountState account, ConsumerState consumer, RequestDispatcher dispatcher, ILogger logger)
    {
        _socket = socket;
        Account = account;
        Consumer = consumer;
        _dispatcher = dispatcher;
        _logger = logger;
    }

    public AccountState Account { get; }

    public ConsumerState Consumer { get; }

    /// <summary>Queues a frame; never blocks, so it is safe under the consumer's gate.</summary>
    public void Send(string frame) => _outbox.Writer.TryWrite(frame);

    /// <summary>Call under Consumer.Gate, together with sending the history, so no live event slips between.</summary>
    public void Subscribe(string dialogId) => _subscribedDialogs.Add(dialogId);

    public void OnDialogEvent(DialogEvent dialogEvent)
    {
        if (_subscribedDialogs.Contains(dialogEvent.DialogId))
        {
            Send(Frames.MessagingEvents([dialogEvent.ToChange()]));
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        lock (Consumer.Gate)
        {
            Consumer.Attach(this);
        }

        var sendLoop = SendLoopAsync(ct);
        WebSocketCloseStatus? closeStatus = null;
        try
        {
            closeStatus = await ReceiveLoopAsync(ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug("Consumer {ConsumerId} connection ended: {Reason}", Consumer.ConsumerId, ex.Message);
        }
        finally
        {
            lock (Consumer.Gate)
            {
                Consumer.Detach(this);
            }

            _outbox.Writer.TryComplete();
            await sendLoop;
        }

        if (closeStatus is { } status)
        {
            await CloseAsync(status, ct);
        }
    }

    private async Task<WebSocketCloseStatus?> ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketCloseStatus.NormalClosure;
            }

            if (message.Length + result.Count > MaxMessageBytes)
            {
                _logger.LogInformation("Consumer {ConsumerId} sent a frame over {Max} bytes; closing", Consumer.ConsumerId, MaxMessageBytes);
                return WebSocketCloseStatus.MessageTooBig;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                // Debug only: what the server really received. The host's log pipeline redacts tokens.
                _logger.LogDebug("Consumer {ConsumerId} sent {Frame}", Consumer.ConsumerId, text);
                await _dispatcher.DispatchAsync(text, this, ct);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(ct))
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Send loop for consumer {ConsumerId} stopped: {Reason}", Consumer.ConsumerId, ex.Message);
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, CancellationToken ct)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // CloseAsync waits for the peer's close frame (draining any unread data), so the close
        // frame is not lost to a TCP reset; the timeout keeps a silent peer from holding us.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var description = status == WebSocketCloseStatus.MessageTooBig ? "Message too big" : "";
            await _socket.CloseAsync(status, description, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug("Closing consumer {ConsumerId} connection failed: {Reason}", Consumer.ConsumerId, ex.Message);
        }
    }
}
