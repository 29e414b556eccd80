
namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// The HTTP handler one WebSocket opens through. It does what <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// does for itself without an invoker (proxy or direct, TLS trust, no pooling, no cookies), and
/// wraps each connection's plaintext stream in a <see cref="LinkStream"/> for the keep-alive.
/// </summary>
internal static class LinkHandler
{
    /// <summary>A handler whose connections are added to <paramref name="streams"/> as they open (a proxy's, then the tunnelled one).</summary>
    public static SocketsHttpHandler Create(ConnectionRequest request, List<LinkStream> streams) => new()
    {
        // Null means "no proxy": the handler would otherwise read the environment itself.
        UseProxy = request.Proxy is not null,
        Proxy = request.Proxy,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = { RemoteCertificateValidationCallback = request.Trust.Callback },
        PlaintextStreamFilter = (context, _) =>
        {
            var stream = new LinkStream(context.PlaintextStream);
            lock (streams)
            {
                streams.Add(stream);
            }
            return ValueTask.FromResult<Stream>(stream);
        },
    };

    /// <summary>The connection the WebSocket runs on: the one the server upgraded.</summary>
    public static LinkStream? Upgraded(List<LinkStream> streams)
    {
        lock (streams)
        {
            return streams.LastOrDefault(s => s.Upgraded);
        }
    }
}
