using System.Globalization;
using LpRepl.Repl;
using LpRepl.Transport;

namespace LpRepl.Commands;

/// <summary>
/// <c>wscat -c URL [-H "Name:value"]… [-k SECONDS] [-n] [-P] [-s PROTOCOL]</c>: the tutorial's wscat
/// line, verbatim, opening the session's one socket instead of a separate program.
/// </summary>
public sealed class WscatCommand : IReplCommand
{
    public string Name => "wscat";

    public string Summary => "the tutorial's wscat line as typed: opens this session's socket (-c, -H, -k, -n, -P, -s)";

    public string Usage => "wscat -c URL [-H \"Name:value\"]… [-k SECONDS] [-n] [-P] [-s PROTOCOL]";

    public CommandArity Arity => CommandArity.Any;

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        string? url = null;
        string? subProtocol = null;
        var headers = new List<KeyValuePair<string, string>>();
        var keepAlive = session.Services.KeepAlive;
        var trust = session.Trust;
        for (var i = 0; i < args.Count; i++)
        {
            var needsValue = args[i] is "-c" or "--connect" or "-H" or "--header" or "-k" or "--keepalive" or "-s" or "--subprotocol";
            if (needsValue && i + 1 >= args.Count)
            {
                return LineResult.Fail($"{args[i]} needs a value; usage: {Usage}");
            }
            switch (args[i])
            {
                case "-c" or "--connect":
                    url = args[++i];
                    break;
                case "-H" or "--header":
                    var header = args[++i];
                    var colon = header.IndexOf(':');
                    if (colon <= 0)
                    {
                        return LineResult.Fail($"-H needs \"Name:value\", not '{header}'");
                    }
                    headers.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-k" or "--keepalive":
                    if (!int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
                    {
                        return LineResult.Fail($"-k needs a number of seconds, not '{args[i]}'");
                    }
                    keepAlive = TimeSpan.FromSeconds(seconds);
                    break;
                case "-n" or "--no-check":
                    trust = trust.WithInsecure();
                    break;
                case "-P" or "--show-ping-pong":
                    // wscat prints pings and pongs; here, each keep-alive's round trip.
                    session.ShowKeepAlive = true;
                    break;
                case "-s" or "--subprotocol":
                    subProtocol = args[++i];
                    break;
                default:
                    return LineResult.Fail($"wscat option '{args[i]}' is not supported here; usage: {Usage}");
            }
        }
        if (url is null)
        {
            return LineResult.Fail($"wscat needs -c URL; usage: {Usage}");
        }
        if (!Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "ws://" + url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            return LineResult.Fail($"'{url}' is not a ws:// or wss:// URL");
        }
        return await ConnectCommand.OpenAsync(session, new ConnectionRequest(uri, headers, trust, keepAlive) { SubProtocol = subProtocol, Proxy = session.Services.Proxy, KeepAliveFrame = session.Services.KeepAliveFrame, TokenFromHeader = true }, ct);
    }
}
