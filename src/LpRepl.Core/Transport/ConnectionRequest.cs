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

    /// <summary>
    /// Where the <c>Authorization</c> header's token came from, as a refusal names it: LP_JWT when the
    /// session put it there, the header itself when the user wrote it (<c>-H</c>), so the error points at what to fix.
    /// </summary>
    public bool TokenFromHeader { get; init; }

    /// <summary>What the keep-alive sends every <see cref="KeepAlive"/>; a link that answers nothing for twice that is lost.</summary>
    public KeepAliveFrame KeepAliveFrame { get; init; } = KeepAliveFrame.Ping;

    /// <summary>
    /// An <c>Authorization</c> header goes with the upgrade (even an empty one): the connect is only
    /// through once the server has answered a GetClock on the socket, since a server may take the
    /// upgrade and close with 4401 right after. Without one (InitConnection in the body), no probe:
    /// an unauthenticated socket answers it 401 by design. Only on a Messaging Window API consumer
    /// path (<c>…/messaging/consumer</c>): any other server (an echo server, a bot of the user's own)
    /// need not speak the protocol, and would leave the connect waiting for an answer that never comes.
    /// </summary>
    public bool ProbesAuthentication =>
        Url.AbsolutePath.TrimEnd('/').EndsWith("/messaging/consumer", StringComparison.OrdinalIgnoreCase)
        && Headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
}
