using System.Net;
using LpRepl.Security;

namespace LpRepl.Transport;

/// <summary>Where and how to open the socket: URL, extra request headers, TLS trust, keep-alive.</summary>
public sealed record ConnectionRequest(
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    TlsTrust Trust,
    TimeSpan KeepAlive)
{
    /// <summary>A WebSocket subprotocol to ask for (wscat's <c>-s</c>), if any.</summary>
    public string? SubProtocol { get; init; }

    /// <summary>The proxy to tunnel through (HTTPS_PROXY, as curl); null connects directly.</summary>
    public IWebProxy? Proxy { get; init; }

    /// <summary>What the keep-alive sends every <see cref="KeepAlive"/>; a link that answers nothing for twice that is lost.</summary>
    public KeepAliveFrame KeepAliveFrame { get; init; } = KeepAliveFrame.Ping;
}
