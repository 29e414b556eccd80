using System.Globalization;
using LpRepl.Protocol;
using LpRepl.Repl;
using Newtonsoft.Json.Linq;

namespace LpRepl.Commands;

/// <summary>
/// <c>connect --init</c>'s second half: the InitConnection request with the ClientProperties and
/// ConsumerAuthentication header objects, and its answer awaited — the server rejects anything
/// sent before it, so the command only returns once the connection is usable (or clearly not).
/// </summary>
internal static class InitConnection
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static async Task<LineResult> RunAsync(ReplSession session, string jwt, JObject? props, CancellationToken ct, bool own = false)
    {
        var id = session.Ids.Peek().ToString(CultureInfo.InvariantCulture);
        var frame = new JObject
        {
            ["kind"] = "req",
            ["id"] = id,
            ["type"] = "InitConnection",
            ["headers"] = new JArray(
                ClientProperties.AsInitHeader(props),
                new JObject { ["type"] = ".ams.headers.ConsumerAuthentication", ["jwt"] = jwt }),
        };
        var from = session.Inbound.End;
        // Built here, not typed: straight to the checked send, so a "{{" in a token or property is never expanded.
        var sent = await session.SendCheckedAsync(frame.ToString(Newtonsoft.Json.Formatting.None), ct, own);
        if (sent.Outcome != LineOutcome.Ok)
        {
            return sent;
        }
        var answer = await session.Inbound.WaitAsync(
            f => (string?)f.Frame["kind"] == "resp" && (string?)f.Frame["reqId"] == id, from, AnswerTimeout, ct);
        if (answer.Frame is not { } response)
        {
            return LineResult.Fail($"InitConnection (id {id}) got no answer within {AnswerTimeout.TotalSeconds:0} s; the socket stays open but is not authenticated", ExitCodes.ConnectionFailed);
        }
        // A server's odd frame must not throw here: a non-integer code is just "not 200".
        var code = response["code"] is JValue { Type: JTokenType.Integer } c ? (long)c : (long?)null;
        return code == 200
            ? LineResult.Ok
            : LineResult.Fail($"InitConnection was refused ({code}: {response["body"]}); the socket is open but not authenticated: 'disconnect', fix LP_JWT, then 'connect --init' again", ExitCodes.ConnectionFailed);
    }
}
