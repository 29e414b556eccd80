using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// A <c>ws://</c> socket is unencrypted, and the token goes over it (the Authorization header or
/// InitConnection). To this machine (a test server, the emulator) that is fine and only noted;
/// across a network it is refused unless <c>--insecure</c> (or wscat's <c>-n</c>) allows it.
/// </summary>
internal static class CleartextSocket
{
    public static LineResult? Refusal(Uri url, bool insecure) =>
        url.Scheme == "ws" && !url.IsLoopback && !insecure
            ? LineResult.Fail($"{url.GetLeftPart(UriPartial.Authority)} is ws://, not encrypted: your token would cross the network in clear text. Use wss://, or start lprepl with --insecure to allow it. Nothing was opened.", ExitCodes.ConnectionFailed)
            : null;

    public static string? Warning(Uri url) =>
        url.Scheme != "ws" ? null
        : url.IsLoopback ? "warning: ws:// is not encrypted; the token is sent in clear text (to this machine only)"
        : "warning: ws:// is not encrypted; the token is sent in clear text across the network (--insecure)";
}
