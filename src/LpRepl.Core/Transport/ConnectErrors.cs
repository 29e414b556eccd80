using System.Net;
using System.Security.Authentication;

namespace LpRepl.Transport;

/// <summary>Turns a failed WebSocket handshake into a sentence that says what to do.</summary>
internal static class ConnectErrors
{
    public static string Describe(Uri url, HttpStatusCode status, Exception e) => (int)status switch
    {
        401 or 403 => $"{url.Host}:{url.Port} refused the token (HTTP {(int)status}): it is missing, forged, expired or for another account; run 'signup' for a fresh LP_JWT",
        404 => $"no consumer endpoint at {url} (HTTP 404): check LP_ACCOUNT and LP_ASYNCMESSAGINGENT",
        > 0 => $"the server answered HTTP {(int)status} instead of opening a WebSocket at {url}",
        _ when IsTlsRefusal(e) => Untrusted(url),
        _ => $"could not connect to {url}: {Innermost(e).Message}",
    };

    /// <summary>Whether trying the same handshake again cannot help: no such endpoint, or a certificate not trusted.</summary>
    public static bool IsPermanent(HttpStatusCode status, Exception e) => (int)status is 400 or 404 or 426 || IsTlsRefusal(e);

    // An emulator makes a new CA each time it starts, so a CA trusted before a restart no longer is.
    private static string Untrusted(Uri url) =>
        $"{url.Host}:{url.Port}'s TLS certificate is not trusted: pass its CA with --cacert FILE (env LP_CACERT; "
        + "an emulator writes a new CA each time it starts), or -k to skip the check while testing";

    private static bool IsTlsRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }
        return false;
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
