using System.Net;
using System.Security.Authentication;

namespace LpRepl.Transport;

/// <summary>Turns a failed WebSocket handshake into a sentence that says what to do.</summary>
internal static class ConnectErrors
{
    /// <summary>What to do about a refused token, the end of every such error.</summary>
    public const string FreshToken = "get a fresh LP_JWT ('signup', or 'authenticate' / 'anonymous' for those identities), then 'connect'";

    /// <summary>The same, for a token the user wrote in <c>-H "Authorization: …"</c>: LP_JWT was not the one refused.</summary>
    public const string FixHeader = "put a valid token in -H \"Authorization: jwt TOKEN\", or leave -H out to use LP_JWT";

    private static string Token(bool fromHeader) => fromHeader ? "the token in -H \"Authorization: …\"" : "LP_JWT";

    private static string Fix(bool fromHeader) => fromHeader ? FixHeader : FreshToken;

    /// <summary>The longest piece of a server's reason an error quotes.</summary>
    public const int MaxQuoted = 200;

    public static string Describe(Uri url, HttpStatusCode status, Exception e, string? body = null, bool tokenFromHeader = false) => (int)status switch
    {
        401 or 403 => $"{url.Host}:{url.Port} refused the token (HTTP {(int)status}{Quoted(body)}): it is missing, forged, expired or for another account; {Fix(tokenFromHeader)}",
        404 => $"no consumer endpoint at {url} (HTTP 404{Quoted(body)}): check LP_ACCOUNT and LP_ASYNCMESSAGINGENT",
        > 0 => $"the server answered HTTP {(int)status}{Quoted(body)} instead of opening a WebSocket at {url}",
        _ when IsTlsRefusal(e) => Untrusted(url),
        _ => $"could not connect to {url}: {Innermost(e).Message}",
    };

    /// <summary>The socket opened, but the server closed it before it answered the GetClock that shows the token was taken.</summary>
    public static string ClosedBeforeAnswer(Uri url, Disconnection end, bool tokenFromHeader = false) => end switch
    {
        { CloseCode: 4401 } => $"{url.Host}:{url.Port} opened the socket and closed it with 4401{Quoted(end.Description)} before answering: {Token(tokenFromHeader)} was refused (missing, forged, expired or for another account); {Fix(tokenFromHeader)}",
        { CloseCode: 4407 } => $"{url.Host}:{url.Port} opened the socket and closed it with 4407{Quoted(end.Description)} before answering: the unauthenticated identity must be extended: 'anonymous --refresh', then 'connect'",
        { CloseCode: { } code } => $"{url.Host}:{url.Port} opened the socket and closed it with {code}{Quoted(end.Description)} before answering, so the token was not shown to be taken: not connected",
        _ => $"the socket to {url.Host}:{url.Port} dropped before the server answered ({end.Description ?? "no reason given"}), so the token was not shown to be taken: not connected",
    };

    /// <summary>The socket opened, but the server answered the GetClock probe with a refusal.</summary>
    public static string ProbeRefused(Uri url, int code, string? body, bool tokenFromHeader = false) => code is 401 or 403
        ? $"{url.Host}:{url.Port} opened the socket but answered GetClock with {code}{Quoted(body)}: {Token(tokenFromHeader)} was not taken; {Fix(tokenFromHeader)}"
        : $"{url.Host}:{url.Port} opened the socket but answered GetClock with {code}{Quoted(body)}: not connected";

    /// <summary>The socket opened, but nothing showed the token was taken within the connect's bound.</summary>
    public static string ProbeUnanswered(Uri url, TimeSpan bound) =>
        $"{url.Host}:{url.Port} opened the socket but did not answer GetClock within {bound.TotalSeconds:0} s, so the token was not shown to be taken: not connected (is it a Messaging Window API endpoint?)";

    /// <summary>A server's own words, clipped to a line and made safe to show: <c>: "Unauthorized: bad token signature"</c>, or nothing.</summary>
    public static string Quoted(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // Redacted whole before it is clipped: half a token would not be recognised as one.
        var line = LpRepl.Security.SecretRedactor.Redact(text.Trim());
        var clipped = line.Length <= MaxQuoted ? line : line[..MaxQuoted] + "…";
        return $": \"{LpRepl.Security.ControlCharacters.Escape(clipped, keepNewlines: false)}\"";
    }

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
