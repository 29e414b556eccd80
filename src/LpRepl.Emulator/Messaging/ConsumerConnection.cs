using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LpRepl.Emulator.Faults;
using LpRepl.Emulator.Hosting;
using LpRepl.Emulator.State;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// One consumer WebSocket: a receive loop that assembles and dispatches requests, and a single
/// send loop fed by a channel so frames from handlers, fan-out and the agent never interleave.
/// </summary>
internal sealed class ConsumerConnection
{
    // Inbound data is untrusted: a frame larger than this closes the connection with 1009.
    public const int MaxMessageBytes = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly RequestDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly Channel<Outbound> _outbox = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConnectionLimits _limits;
    private readonly ConnectionActivity? _activity;
    private volatile ConsumerState? _consumer;
    private long _expiresAt = long.MaxValue;
    private volatile bool _unauthenticatedIdentity;
    private int _closeRequested;
    private int _unsent;
    private long _unsentCharacters;

    // Set when the outbound queue overflowed: what is still queued is dropped, only the close goes out.
    private volatile bool _discarding;

    // consumer: the consumer of a header-authenticated upgrade (its token expiring at expiresAt, an
    // unauthenticated identity's if unauthenticatedIdentity); null until InitConnection otherwise.
    public ConsumerConnection(WebSocket socket, AccountState account, ConsumerState? consumer, long expiresAt, bool unauthenticatedIdentity, RequestDispatcher dispatcher, ConnectionLimits limits, ConnectionActivity? activity, ILogger logger)
    {
        _activity = activity;
        _socket = socket;
        Account = account;
        _consumer = consumer;
        _expiresAt = expiresAt;
        _unauthenticatedIdentity = unauthenticatedIdentity;
        _dispatcher = dispatcher;
        _limits = limits;
        _logger = logger;
        Subscriptions = new ConnectionSubscriptions(Send);
        RateLimiter = limits.NewRateLimiter();
    }

    /// <summary>This connection's request allowance (429 once it is spent).</summary>
    public RequestRateLimiter RateLimiter { get; }

    public AccountState Account { get; }

    /// <summary>What the client declared (Client-Properties header or InitConnection); conversations it asks for keep the features.</summary>
    public ClientProperties ClientProperties { get; set; } = ClientProperties.None;

    /// <summary>The injected outbound faults (delay, reorder) the send loop obeys; none when null.</summary>
    public FaultInjector? Faults { get; init; }

    public bool IsAuthenticated => _consumer is not null;

    /// <summary>The authenticated consumer; the dispatcher only runs handlers that need it once there is one.</summary>
    public ConsumerState Consumer => _consumer ?? throw new InvalidOperationException("The connection is not authenticated.");

    /// <summary>Dialog and ExConversation subscriptions of this connection; use under Consumer.Gate.</summary>
    public ConnectionSubscriptions Subscriptions { get; }

    private string Who => _consumer?.ConsumerId ?? "(unauthenticated)";

    /// <summary>Queues a frame; never blocks, so it is safe under the consumer's gate.</summary>
    public void Send(string frame) => Queue(new Outbound(frame, Queued: _limits.Time.GetTimestamp()));

    /// <summary>Sends a close frame after what is queued, then nothing more; the peer's close ends the receive loop. False if a close was already asked for.</summary>
    public bool RequestClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return false;
        }

        _logger.LogInformation("Closing consumer {ConsumerId} connection with {Code}: {Reason}", Who, (int)status, reason);
        Queue(new Outbound(null, status, reason, _limits.Time.GetTimestamp()));
        _outbox.Writer.TryComplete();
        return true;
    }

    /// <summary>Binds an unauthenticated connection to the consumer of a valid InitConnection token, which expires at <paramref name="expiresAt"/>.</summary>
    public void Authenticate(ConsumerState consumer, long expiresAt, bool unauthenticatedIdentity)
    {
        _unauthenticatedIdentity = unauthenticatedIdentity;
        Interlocked.Exchange(ref _expiresAt, expiresAt);
        lock (consumer.Gate)
        {
            consumer.Attach(Subscriptions);
            _consumer = consumer;
        }

        _logger.LogInformation("Consumer {ConsumerId} authenticated by InitConnection", consumer.ConsumerId);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        if (_consumer is { } consumer)
        {
            lock (consumer.Gate)
            {
                consumer.Attach(Subscriptions);
            }
        }

        var sendLoop = SendLoopAsync(ct);
        using var watchdog = _limits.Watch(this, _activity);
        WebSocketCloseStatus? closeStatus = null;
        try
        {
            closeStatus = await ReceiveLoopAsync(ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug("Consumer {ConsumerId} connection ended: {Reason}", Who, ex.Message);
        }
        finally
        {
            if (_consumer is { } attached)
            {
                lock (attached.Gate)
                {
                    attached.Detach(Subscriptions);
                }

                // Outside the gate: forgetting the oldest idle consumers takes theirs.
                Account.ConsumerLeft(attached);
            }

            _outbox.Writer.TryComplete();
            await sendLoop;
        }

        if (closeStatus is { } status)
        {
            await SocketClose.CloseAsync(_socket, status, _logger, Who, ct);
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
                _logger.LogInformation("Consumer {ConsumerId} sent a frame over {Max} bytes; closing", Who, MaxMessageBytes);
                return WebSocketCloseStatus.MessageTooBig;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                // Checked on every frame too, so an expiry is exact even when no timer can fire (a far exp, a test clock).
                if (_closeRequested == 1 || CheckExpiry())
                {
                    continue;
                }

                // Debug only: what the server really received. The host's log pipeline redacts tokens.
                _logger.LogDebug("Consumer {ConsumerId} sent {Frame}", Who, text);
                await _dispatcher.DispatchAsync(text, this, ct);
            }
        }
    }

    /// <summary>Closes with 4401 (4407 for an unauthenticated identity) when the token has expired; true if it did.</summary>
    public bool CheckExpiry()
    {
        if (!IsAuthenticated || _limits.Time.GetUtcNow().ToUnixTimeSeconds() < Interlocked.Read(ref _expiresAt))
        {
            return false;
        }

        CloseForExpiredToken(_unauthenticatedIdentity);
        return true;
    }

    /// <summary>Closes because the token (of the header, InitConnection or the open socket) has run out.</summary>
    public void CloseForExpiredToken(bool unauthenticatedIdentity)
    {
        var (status, reason) = CloseCodes.ForExpiry(unauthenticatedIdentity);
        RequestClose(status, reason);
    }

    /// <summary>Items queued and not yet handed to the socket (one of them may be waiting out an injected delay).</summary>
    public int QueuedFrames => Volatile.Read(ref _unsent);

    /// <summary>True once a close frame is queued: nothing else is sent or handled.</summary>
    public bool IsClosing => Volatile.Read(ref _closeRequested) == 1;

    /// <summary>Drops the connection without a close handshake (a peer that ignored our close frame).</summary>
    public void Abort() => _socket.Abort();

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            if (Faults is { } faults)
            {
                await new OutboundShaper(faults, SendItemAsync).RunAsync(_outbox.Reader, ct);
                return;
            }

            await foreach (var item in _outbox.Reader.ReadAllAsync(ct))
            {
                if (!await SendItemAsync(item, ct))
                {
                    return;
                }
            }
        }
        // IOException: a frozen stream closed under a waiting write (see Faults/FreezeGate).
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _logger.LogDebug("Send loop for consumer {ConsumerId} stopped: {Reason}", Who, ex.Message);
        }
    }

    private void Queue(Outbound item)
    {
        var characters = item.Frame?.Length ?? 0;
        // A client that stops reading must not grow the emulator without end: past the bound, the
        // frames still queued are dropped and the connection closes (the close frame is not counted).
        if (item.Frame is not null && !_discarding && IsOverBound(characters))
        {
            _logger.LogInformation("Consumer {ConsumerId} is not reading: {Frames} frames queued; closing", Who, Volatile.Read(ref _unsent));
            _discarding = true;
            RequestClose(CloseCodes.QueueFull, CloseCodes.QueueFullReason);
            return;
        }

        if (_outbox.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref _unsent);
            Interlocked.Add(ref _unsentCharacters, characters);
        }
    }

    // Measured before the frame is added; a single frame larger than the character bound still goes out alone.
    private bool IsOverBound(int characters)
    {
        var frames = Volatile.Read(ref _unsent);
        return frames >= _limits.MaxQueuedFrames
            || (frames > 0 && Interlocked.Read(ref _unsentCharacters) + characters > _limits.MaxQueuedCharacters);
    }

    // False once the close frame is sent: nothing may follow it.
    private async Task<bool> SendItemAsync(Outbound item, CancellationToken ct)
    {
        Interlocked.Decrement(ref _unsent);
        Interlocked.Add(ref _unsentCharacters, -(item.Frame?.Length ?? 0));
        if (item.Close is { } status)
        {
            await _socket.CloseOutputAsync(status, item.Reason, ct);
            return false;
        }

        if (_discarding)
        {
            return true;
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Frame!), WebSocketMessageType.Text, endOfMessage: true, ct);
        return true;
    }
}
