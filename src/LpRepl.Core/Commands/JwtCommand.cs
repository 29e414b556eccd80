using System.Globalization;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Session;
using Newtonsoft.Json;

namespace LpRepl.Commands;

/// <summary>
/// <c>jwt [TOKEN|NAME]</c>: decodes a token (default <c>$LP_JWT</c>) into header, claims, expiry and
/// consumer id — the tutorial's <c>sed … | base64 --decode</c>, without printing the token itself.
/// </summary>
public sealed class JwtCommand : IReplCommand
{
    public string Name => "jwt";

    public string Summary => "decode a token (default $LP_JWT): header, claims, expiry, consumer id";

    public string Usage => "jwt [TOKEN | VARIABLE]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count > 1)
        {
            return Task.FromResult(LineResult.Fail($"one token at a time; usage: {Usage}"));
        }
        var (label, token) = args.Count == 0 ? ("LP_JWT", session.Variables["LP_JWT"])
            : VariableName.IsValid(args[0]) && !args[0].Contains('.') ? (args[0], session.Variables[args[0]])
            : ("the token", args[0]);
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(LineResult.Fail($"{label} is not set: run 'signup' (or 'authenticate', 'anonymous') first, or give a token"));
        }
        var jwt = JwtDecoder.TryDecode(token, out var error);
        if (jwt is null)
        {
            return Task.FromResult(LineResult.Fail($"{label} is not a JWT: {error}"));
        }
        var now = session.Services.Time.GetUtcNow();
        var output = session.Output;
        output.Report($"header    {jwt.Header.ToString(Formatting.None)}");
        output.Report($"payload   {jwt.Payload.ToString(Formatting.None)}");
        if (jwt.Subject is { } sub)
        {
            output.Report($"consumer  {sub}   (sub: the originatorId of your own messages)");
        }
        if (jwt.Account is { } account)
        {
            var match = session.Variables["LP_ACCOUNT"] is { Length: > 0 } lp && lp != account ? $"   — not LP_ACCOUNT ({lp}): the server will refuse it" : "";
            output.Report($"account   {account}{match}");
        }
        if (jwt.IssuedAt is { } iat)
        {
            output.Report($"issued    {Stamp(iat)} ({Ago(now - iat)} ago)");
        }
        if (jwt.Expires is { } exp)
        {
            output.Report(exp > now ? $"expires   {Stamp(exp)} (in {Ago(exp - now)})" : $"expired   {Stamp(exp)} ({Ago(now - exp)} ago) — get a new one");
        }
        output.Report($"signature {jwt.SignatureBytes} bytes, {(string?)jwt.Header["alg"] ?? "no alg"}, not verified here");
        return Task.FromResult(LineResult.Ok);
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // The largest unit or two, as people say it: "12 years 11 months", "9 minutes".
    private static string Ago(TimeSpan span)
    {
        var s = Math.Abs(span.TotalSeconds);
        return s switch
        {
            < 60 => $"{(int)s} s",
            < 3600 => $"{(int)(s / 60)} min",
            < 86400 => $"{(int)(s / 3600)} h {(int)(s % 3600 / 60)} min",
            < 86400 * 365 => Plural((int)(s / 86400), "day"),
            _ => $"{Plural((int)(s / (86400 * 365.25)), "year")} {Plural((int)(s % (86400 * 365.25) / (86400 * 30.44)), "month")}",
        };
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
