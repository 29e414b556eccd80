using LpRepl.Security;

namespace LpRepl.Services;

/// <summary>One HTTP client per session, trusting what the session's <see cref="TlsTrust"/> trusts.</summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TlsTrust trust)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = trust.Callback },
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("lprepl/0.1");
        return client;
    }
}
