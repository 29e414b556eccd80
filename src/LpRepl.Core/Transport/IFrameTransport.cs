namespace LpRepl.Transport;

/// <summary>One persistent WebSocket that carries text frames both ways.</summary>
public interface IFrameTransport : IAsyncDisposable
{
    /// <summary>Raised on the receive loop for every complete text frame, in order.</summary>
    event Action<string>? FrameReceived;

    /// <summary>Raised once when an open connection ends, for whatever reason.</summary>
    event Action<Disconnection>? Disconnected;

    /// <summary>Raised with the round trip of each answered keep-alive (a pong, or the GetClock answer).</summary>
    event Action<TimeSpan>? KeepAliveAnswered;

    bool IsOpen { get; }

    Uri? Url { get; }

    DateTimeOffset? ConnectedAt { get; }

    Task ConnectAsync(ConnectionRequest request, CancellationToken ct);

    /// <summary>Sends one text frame; concurrent callers are serialized so frames never interleave.</summary>
    Task SendAsync(string frame, CancellationToken ct);

    Task CloseAsync(CancellationToken ct);
}
