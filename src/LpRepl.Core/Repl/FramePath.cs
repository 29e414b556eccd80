using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// jq-style paths (<c>.body.changes[0].originatorMetadata.role</c>) over a frame, read with
/// Newtonsoft's JSONPath (<c>SelectTokens</c>), so <c>[*]</c> and filters work too.
/// </summary>
public static class FramePath
{
    public static string ToJsonPath(string path) => path.StartsWith('$') ? path : "$" + (path.StartsWith('.') || path.StartsWith('[') ? path : "." + path);

    /// <summary>Whether any value at <paramref name="path"/> equals <paramref name="expected"/> (strings as text, others as JSON).</summary>
    public static bool Matches(JObject frame, string path, string expected)
    {
        try
        {
            return frame.SelectTokens(ToJsonPath(path)).Any(token => Text(token) == expected);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The value at <paramref name="path"/> as text, or null when there is none.</summary>
    public static string? Read(JObject frame, string path)
    {
        try
        {
            // A path that selects several values (a [*]) gives the first.
            var token = frame.SelectTokens(ToJsonPath(path)).FirstOrDefault();
            return token is null ? null : Text(token);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JToken token) => token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None);
}
