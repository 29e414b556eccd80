using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// The applicative keep-alive for servers that ignore WebSocket pings: LivePerson's
/// <c>GetClock</c> request, whose answer the transport recognises by its request id and keeps to itself.
/// </summary>
internal static class GetClockProbe
{
    private const string IdPrefix = "lprepl-keepalive-";

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
