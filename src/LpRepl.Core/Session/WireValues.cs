using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>
/// Reads the few scalar fields the session tracks from a server's (or a user's) frame, leniently:
/// the protocol lets a single-element array stand for its element, and an odd value is "absent",
/// never an exception.
/// </summary>
internal static class WireValues
{
    /// <summary>A non-empty string, or a one-element array holding one.</summary>
    public static string? SingleString(JToken? token) => Single(token) is JValue { Type: JTokenType.String } value && (string?)value is { Length: > 0 } text
        ? text
        : null;

    /// <summary>A non-negative integer that fits a long (sequences start at 0), or a one-element array holding one.</summary>
    public static long? Sequence(JToken? token) => Single(token) is JValue { Type: JTokenType.Integer, Value: long number } && number >= 0
        ? number
        : null;

    private static JToken? Single(JToken? token) => token is JArray { Count: 1 } array ? array[0] : token;
}
