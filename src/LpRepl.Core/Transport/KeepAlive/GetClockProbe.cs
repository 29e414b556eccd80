using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// The applicative keep-alive for servers that ignore WebSocket pings: LivePerson's
/// <c>GetClock</c> request, whose answer the transport recognises by its request id and keeps to itself.
/// The same request, with its own id, shows after the upgrade that the server took the header's token.
/// </summary>
internal static class GetClockProbe
{
    private const string IdPrefix = "lprepl-keepalive-";

    private const string AuthId = "lprepl-connect";

    /// <summary>The GetClock sent right after an upgrade that carried a token: its answer shows the socket is authenticated.</summary>
    public const string AuthRequest = $$"""{"kind":"req","id":"{{AuthId}}","type":"GetClock"}""";

    /// <summary>The verdict a frame gives as the answer to <see cref="AuthRequest"/>, or null for any other frame.</summary>
    public static AuthVerdict? AuthAnswerOf(string frame)
    {
        if (!frame.Contains(AuthId, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var answer = JObject.Parse(frame);
            if (answer["reqId"] is not JValue { Type: JTokenType.String, Value: AuthId })
            {
                return null;
            }
            var code = answer["code"] is JValue { Type: JTokenType.Integer } c ? (int?)(long)c : null;
            var body = answer["body"] switch
            {
                null => null,
                JValue { Type: JTokenType.String } text => (string?)text,
                var other => other.ToString(Formatting.None),
            };
            return AuthVerdict.Answered(code, body);
        }
        catch (Exception e) when (e is JsonException or OverflowException)
        {
            return null;
        }
    }

    public static string Request(long probe) =>
        $$"""{"kind":"req","id":"{{IdPrefix}}{{probe.ToString(CultureInfo.InvariantCulture)}}","type":"GetClock"}""";

    /// <summary>The probe a frame answers, or null for any other frame.</summary>
    public static long? ProbeOf(string frame)
    {
        // Almost every frame is someone else's: a substring test keeps them from being parsed twice.
        if (!frame.Contains(IdPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return JObject.Parse(frame)["reqId"] is JValue { Type: JTokenType.String, Value: string id }
                && id.StartsWith(IdPrefix, StringComparison.Ordinal)
                && long.TryParse(id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var probe)
                ? probe
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
