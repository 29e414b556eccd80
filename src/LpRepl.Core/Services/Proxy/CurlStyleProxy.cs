using System.Net;

namespace LpRepl.Services.Proxy;

/// <summary>
/// The proxy curl would use, from the same environment variables: <c>https_proxy</c>/<c>HTTPS_PROXY</c>
/// for https and wss, <c>http_proxy</c> (lower case only, as curl) for http and ws, then
/// <c>all_proxy</c>/<c>ALL_PROXY</c>; hosts in <c>no_proxy</c>/<c>NO_PROXY</c> go direct.
/// One instance serves the REST calls and the WebSocket, so both take the same route.
/// </summary>
public sealed class CurlStyleProxy : IWebProxy
{
    private readonly Uri? _secure;
    private readonly Uri? _plain;

    private CurlStyleProxy(Uri? secure, Uri? plain, NoProxyList bypass, ICredentials? credentials)
    {
        _secure = secure;
        _plain = plain;
        Bypass = bypass;
        Credentials = credentials;
    }

    /// <summary>The hosts that never use the proxy; the embedded emulator adds its own.</summary>
    public NoProxyList Bypass { get; }

    public ICredentials? Credentials { get; set; }

    /// <summary>True when any proxy variable is set.</summary>
    public bool IsConfigured => _secure is not null || _plain is not null;

    /// <summary>Reads the variables through <paramref name="env"/> (the process environment in production).</summary>
    public static CurlStyleProxy FromEnvironment(Func<string, string?> env)
    {
        var all = First(env, "all_proxy", "ALL_PROXY");
        var secure = Parse(First(env, "https_proxy", "HTTPS_PROXY") ?? all, out var secureCredentials);
        // curl ignores upper-case HTTP_PROXY: under CGI it can be set by a request header.
        var plain = Parse(First(env, "http_proxy") ?? all, out var plainCredentials);
        return new CurlStyleProxy(secure, plain, new NoProxyList(First(env, "no_proxy", "NO_PROXY")), secureCredentials ?? plainCredentials);
    }

    public Uri? GetProxy(Uri destination)
    {
        if (IsBypassed(destination))
        {
            return null;
        }
        return destination.Scheme is "https" or "wss" ? _secure : _plain;
    }

    public bool IsBypassed(Uri host) =>
        (host.Scheme is "https" or "wss" ? _secure : _plain) is null || Bypass.Matches(host.Host);

    /// <summary>"proxy http://host:port" or "no proxy" for a destination, for status lines.</summary>
    public string Describe(Uri destination) =>
        GetProxy(destination) is { } proxy ? $"via proxy {proxy.Scheme}://{proxy.Authority}" : "direct";

    private static string? First(Func<string, string?> env, params string[] names) =>
        names.Select(env).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static Uri? Parse(string? value, out ICredentials? credentials)
    {
        credentials = null;
        if (value is null)
        {
            return null;
        }
        // curl treats a proxy without a scheme as an HTTP proxy.
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "http://" + value;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"proxy '{value}' is not an http:// URL (SOCKS proxies are not supported)");
        }
        if (uri.UserInfo is { Length: > 0 } info)
        {
            var colon = info.IndexOf(':');
            credentials = new NetworkCredential(
                Uri.UnescapeDataString(colon < 0 ? info : info[..colon]),
                colon < 0 ? "" : Uri.UnescapeDataString(info[(colon + 1)..]));
        }
        // Scheme and authority only: the credentials must never show up in a status line or a log.
        return new Uri($"{uri.Scheme}://{uri.Authority}/");
    }
}
