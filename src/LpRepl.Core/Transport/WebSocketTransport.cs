using System.Net.WebSockets;
using LpRepl.Transport.KeepAlive;
using Serilog;

namespace LpRepl.Transport;

/// <summary>
/// The session's socket over <see cref="ClientWebSocket"/>. Sends are serialized by a gate;
/// a receive loop raises <see cref="FrameReceived"/> for each complete text message.
/// </summary>
public sealed partial class WebSocketTransport : IFrameTransport
{
    /// <summary>Inbound frames are untrusted: one larger than this ends the connection.</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>How long the opening handshake may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private ClientWebSocket? _socket;
    private CancellationTokenSource? _receiveCts;
    private Task? _receiveLoop;
    private bool _closingByUser;

    public WebSocketTransport(ILogger? log = null, TimeProvider? time = null)
    {
        _log = (log ?? Serilog.Core.Logger.None).ForContext<WebSocketTransport>();
        _time = time ?? TimeProvider.System;
    }

    public event Action<string>? FrameReceived;

    public event Action<Disconnection>? Disconnected;

    public event Action<TimeSpan>? KeepAliveAnswered;

    public bool IsOpen => _socket?.State == WebSocketState.Open;

    public Uri? Url { get; private set; }

    public DateTimeOffset? ConnectedAt { get; private set; }

    public async Task ConnectAsync(ConnectionRequest request, CancellationToken ct)
    {
        if (IsOpen)
        {
            throw new InvalidOperationException("already connected");
        }
        // A socket the server closed is still held: release it before opening the next.
        await StopReceivingAsync();
        var socket = new ClientWebSocket();
        var streams = new List<LinkStream>();
        var handler = new RefusalBodyHandler(LinkHandler.Create(request, streams));
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        // A host that never answers must not hold the prompt forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            socket.Options.CollectHttpResponseDetails = true;
            // The runtime's keep-alive sends unanswered pongs and never sees a frozen link: ours replaces it.
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            if (request.SubProtocol is { Length: > 0 } subProtocol)
            {
                socket.Options.AddSubProtocol(subProtocol);
            }
            foreach (var (name, value) in request.Headers)
            {
                socket.Options.SetRequestHeader(name, value);
            }
            await socket.ConnectAsync(request.Url, invoker, timeout.Token);
        }
        catch (ArgumentException e)
        {
            socket.Dispose();
            throw new ConnectFailedException($"bad header or option: {e.Message}", e) { Permanent = true };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectFailedException($"{request.Url.Host}:{request.Url.Port} did not open a WebSocket within {ConnectTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            _log.Warning(e, "Connect to {Url} failed with HTTP {Status}", request.Url.GetLeftPart(UriPartial.Path), (int)status);
            throw new ConnectFailedException(ConnectErrors.Describe(request.Url, status, e, handler.Body, request.TokenFromHeader), e)
            {
                StatusCode = status == 0 ? null : (int)status,
                Permanent = ConnectErrors.IsPermanent(status, e),
            };
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        // Set before the receive loop starts, so a close that comes before the probe's answer is the connect's to report.
        var authentication = request.ProbesAuthentication ? new TaskCompletionSource<AuthVerdict>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        Volatile.Write(ref _authWait, authentication);
        _socket = socket;
        _closingByUser = false;
        StartKeepAlive(request, socket, LinkHandler.Upgraded(streams));
        _receiveCts = new CancellationTokenSource();
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(socket, _receiveCts.Token), CancellationToken.None);
        if (authentication is not null)
        {
            await ConfirmAuthenticatedAsync(request, socket, authentication, timeout.Token, ct);
        }
        Url = request.Url;
        ConnectedAt = _time.GetUtcNow();
        _log.Information("Connected to {Url}", request.Url.GetLeftPart(UriPartial.Path));
    }

    public async Task SendAsync(string frame, CancellationToken ct)
    {
        var socket = _socket;
        if (socket is null || socket.State != WebSocketState.Open)
        {
            throw new InvalidOperationException("not connected");
        }
        await SendFrameAsync(socket, frame, ct, ct);
    }

    /// <summary>Waits for the send gate (<paramref name="waitCt"/>), then sends; cancelling a send under way aborts the socket.</summary>
    private async Task SendFrameAsync(ClientWebSocket socket, string frame, CancellationToken waitCt, CancellationToken sendCt)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(frame);
        await _sendGate.WaitAsync(waitCt);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, sendCt);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync(CancellationToken ct)
    {
        var socket = _socket;
        if (socket is null)
        {
            return;
        }
        _closingByUser = true;
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // A peer that does not answer the close handshake still gets dropped.
            _log.Debug(e, "Close handshake did not complete");
        }
        await StopReceivingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None);
        _sendGate.Dispose();
    }

    private async Task StopReceivingAsync()
    {
        StopKeepAlive();
        _receiveCts?.Cancel();
        if (_receiveLoop is not null)
        {
            await _receiveLoop;
        }
        _socket?.Dispose();
        _socket = null;
        _receiveCts?.Dispose();
        _receiveCts = null;
        _receiveLoop = null;
    }
}
