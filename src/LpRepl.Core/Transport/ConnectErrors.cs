using System.Net;

namespace LpRepl.Transport;

/// <summary>Turns a failed WebSocket handshake into a sentence that says what to do.</summary>
internal static class ConnectErrors
{
    public static string Describe(Uri url, HttpStatusCode status, Exception e) => (int)status switch
    {
        401 or 403 => $"{url.Host}:{url.Port} refused the token (HTTP {(int)status}): it is missing, forged, expired or for another account; run 'signup' for a fresh LP_JWT",
        404 => $"no consumer endpoint at {url} (HTTP 404): check LP_ACCOUNT and LP_ASYNCMESSAGINGENT",
        > 0 => $"the server answered HTTP {(int)status} instead of opening a WebSocket at {url}",
        _ => $"could not connect to {url}: {Innermost(e).Message}",
    };

    /// <summary>Whether trying the same handshake again cannot help: no such endpoint, or a certificate not trusted.</summary>
    public static bool IsPermanent(HttpStatusCode status, Exception e) =>
        (int)status is 400 or 404 or 426 || Chain(e).Any(x => x is System.Security.Authentication.AuthenticationException);

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
