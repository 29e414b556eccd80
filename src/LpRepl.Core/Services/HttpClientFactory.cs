using System.Net;
using LpRepl.Security;

namespace LpRepl.Services;

/// <summary>One HTTP client per session, trusting what the session's <see cref="TlsTrust"/> trusts.</summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TlsTrust trust, IWebProxy? proxy = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = trust.Callback },
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // Our curl-style proxy, never .NET's own reading of the environment, so REST and socket agree.
            Proxy = proxy,
            UseProxy = proxy is not null,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("lprepl/0.1");
        return client;
    }
}
