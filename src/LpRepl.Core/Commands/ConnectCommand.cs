using LpRepl.Protocol;
using LpRepl.Repl;
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
        if (session.Transport.IsOpen)
        {
            return LineResult.Fail($"already connected to {session.Transport.Url}; 'disconnect' first");
        }
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
        var opened = await OpenAsync(session, new ConnectionRequest(uri, headers, session.Trust, session.Services.KeepAlive) { Proxy = session.Services.Proxy }, ct);
        return opened.Outcome == LineOutcome.Ok && init ? await InitConnection.RunAsync(session, jwt!, props, ct) : opened;
    }

    /// <summary>Opens the session's socket and says so; shared with the <c>wscat</c> verb.</summary>
    public static async Task<LineResult> OpenAsync(ReplSession session, ConnectionRequest request, CancellationToken ct)
    {
        try
        {
            await session.Transport.ConnectAsync(request, ct);
        }
        catch (ConnectFailedException e)
        {
            return LineResult.Fail(e.Message, ExitCodes.ConnectionFailed);
        }
        var via = request.Proxy?.GetProxy(new Uri(request.Url.GetLeftPart(UriPartial.Authority))) is { } proxy ? $" via proxy {proxy.Authority}" : "";
        session.Output.Info($"connected to {request.Url.GetLeftPart(UriPartial.Path)}{via}");
        return LineResult.Ok;
    }

    private static bool TryParseHeader(string text, out KeyValuePair<string, string> header)
    {
        var colon = text.IndexOf(':');
        header = colon > 0 ? new(text[..colon].Trim(), text[(colon + 1)..].Trim()) : default;
        return colon > 0;
    }
}
