using LpRepl.Protocol;
using LpRepl.Repl;
using LpRepl.Repl.Reconnection;
using LpRepl.Transport;

namespace LpRepl.Commands;

/// <summary>
/// <c>connect [URL] [--init] [-H "Name: value"]…</c>: open the session's socket. With no URL, the
/// consumer endpoint of <c>$LP_ASYNCMESSAGINGENT</c> with <c>Authorization: jwt $LP_JWT</c> (tutorial
/// Step 3) and, when <c>LP_PROPS</c> is set, <c>Client-Properties: $LP_PROPS</c>. <c>--init</c> opens
/// with no headers and authenticates with InitConnection instead, as a browser must.
/// </summary>
public sealed class ConnectCommand : IReplCommand
{
    public string Name => "connect";

    public string Summary => "open the WebSocket (Authorization: jwt $LP_JWT, Client-Properties: $LP_PROPS; --init: InitConnection instead)";

    public string Usage => "connect [URL] [--init] [-H \"Name: value\"]…";

    public CommandArity Arity => CommandArity.Any;

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Contains("--init") ? ["-H"] : ["--init", "-H"];

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        string? url = null;
        var init = false;
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-H" or "--header")
            {
                if (i + 1 >= args.Count || !TryParseHeader(args[i + 1], out var header))
                {
                    return LineResult.Fail("-H needs a header as \"Name: value\"");
                }
                headers.Add(header);
                i++;
            }
            else if (args[i] == "--init")
            {
                init = true;
            }
            else if (url is null && !args[i].StartsWith('-'))
            {
                url = args[i];
            }
            else
            {
                return LineResult.Fail($"unexpected argument '{args[i]}'; usage: {Usage}");
            }
        }
        var vars = session.Variables;
        if (url is null)
        {
            if (string.IsNullOrEmpty(vars["LP_ASYNCMESSAGINGENT"]) || string.IsNullOrEmpty(vars["LP_ACCOUNT"]))
            {
                return LineResult.Fail("connect needs LP_ASYNCMESSAGINGENT and LP_ACCOUNT (or a URL)");
            }
            url = $"wss://{vars["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{vars["LP_ACCOUNT"]}/messaging/consumer?v=3";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("wss" or "ws"))
        {
            return LineResult.Fail($"'{url}' is not a ws:// or wss:// URL");
        }
        var props = ClientProperties.Parse(vars["LP_PROPS"], out var propsError);
        if (propsError is not null)
        {
            return LineResult.Fail($"{propsError}. Nothing was opened.");
        }
        var hasAuthorization = headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        var jwt = vars["LP_JWT"];
        if (!hasAuthorization && string.IsNullOrEmpty(jwt))
        {
            return LineResult.Fail("LP_JWT is not set: run 'signup' first (or set LP_JWT=TOKEN, or pass -H \"Authorization: jwt TOKEN\")");
        }
        if (init)
        {
            if (hasAuthorization)
            {
                return LineResult.Fail("--init authenticates with InitConnection instead of headers: drop -H \"Authorization: …\"");
            }
        }
        else
        {
            if (!hasAuthorization)
            {
                headers.Add(new("Authorization", "jwt " + jwt));
            }
            // Properties go in the header unless the user wrote that header by hand.
            if (vars["LP_PROPS"] is { Length: > 0 } raw && !headers.Any(h => h.Key.Equals(ClientProperties.HeaderName, StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(new(ClientProperties.HeaderName, raw));
            }
        }
        var request = new ConnectionRequest(uri, headers, session.Trust, session.Services.KeepAlive) { Proxy = session.Services.Proxy, KeepAliveFrame = session.Services.KeepAliveFrame, TokenFromHeader = hasAuthorization };
        var initToken = init ? jwt : null;
        var already = session.Transport.IsOpen && session.OpenTarget == Target(request, initToken);
        var opened = await OpenAsync(session, request, ct, initToken, authorizationFromSession: !init && !hasAuthorization);
        return opened.Outcome == LineOutcome.Ok && init && !already ? await InitConnection.RunAsync(session, jwt!, props, ct) : opened;
    }

    /// <summary>
    /// Opens the session's socket and says so; shared with the <c>wscat</c> verb. Already open to the
    /// same target (URL, headers, token): nothing to do. Open to another (a new <c>LP_JWT</c> since):
    /// the old socket is closed first, with a note, so a script that signs up and connects runs the
    /// same alone and inside a connected session.
    /// </summary>
    public static async Task<LineResult> OpenAsync(ReplSession session, ConnectionRequest request, CancellationToken ct, string? initToken = null, bool authorizationFromSession = false)
    {
        var target = Target(request, initToken);
        if (session.Transport.IsOpen && session.OpenTarget == target)
        {
            session.Output.Info($"already connected to {request.Url.GetLeftPart(UriPartial.Path)}; nothing to do");
            return LineResult.Ok;
        }
        // Refused before the open socket is touched: a refusal leaves the session as it was.
        if (CleartextSocket.Refusal(request.Url, request.Trust.Insecure) is { } refused)
        {
            return refused;
        }
        if (CleartextSocket.Warning(request.Url) is { } warning)
        {
            session.Output.Info(warning);
        }
        if (session.Transport.IsOpen)
        {
            var current = session.Transport.Url;
            var why = current == request.Url ? "with other headers or token (a new LP_JWT, LP_PROPS or -H)" : $"to {request.Url.GetLeftPart(UriPartial.Path)}";
            session.Output.Info($"closing the socket to {current?.GetLeftPart(UriPartial.Path)} to connect again {why}");
            await session.Transport.CloseAsync(ct);
            // What that socket left unanswered was said when it closed; it is not the failure of this line.
            session.Pending.TakeAbandoned();
        }
        try
        {
            await session.ConnectAsync(new ConnectPlan(request, initToken is not null, authorizationFromSession), target, ct);
        }
        catch (ConnectFailedException e)
        {
            return LineResult.Fail(e.Message, ExitCodes.ConnectionFailed);
        }
        var via = request.Proxy?.GetProxy(new Uri(request.Url.GetLeftPart(UriPartial.Authority))) is { } proxy ? $" via proxy {proxy.Authority}" : "";
        session.Output.Info($"connected to {request.Url.GetLeftPart(UriPartial.Path)}{via}");
        return LineResult.Ok;
    }

    // Everything that decides who the socket speaks as and to; compared, never shown (it holds the token).
    internal static string Target(ConnectionRequest request, string? initToken) =>
        string.Join('\n', new[] { request.Url.AbsoluteUri, request.SubProtocol ?? "", initToken is null ? "" : "init " + initToken }
            .Concat(request.Headers.Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}")));

    private static bool TryParseHeader(string text, out KeyValuePair<string, string> header)
    {
        var colon = text.IndexOf(':');
        header = colon > 0 ? new(text[..colon].Trim(), text[(colon + 1)..].Trim()) : default;
        return colon > 0;
    }
}
