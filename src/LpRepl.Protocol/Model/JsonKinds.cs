using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>JSON Schema's type names for values, as JSON Schema 2020-12 counts them (1.0 is an integer).</summary>
internal static class JsonKinds
{
    public static string Of(JToken value) => value.Type switch
    {
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        JTokenType.Integer => "integer",
        JTokenType.Float => IsIntegral((JValue)value) ? "integer" : "number",
        JTokenType.Boolean => "boolean",
        JTokenType.Null => "null",
        _ => "string",
    };

    public static bool Matches(IReadOnlyList<string> types, JToken value)
    {
        if (types.Count == 0)
        {
            return true;
        }
        var kind = Of(value);
        return types.Any(t => t == kind || (t == "number" && kind == "integer"));
    }

    /// <summary>"a string", "an integer or null", for messages.</summary>
    public static string Describe(IEnumerable<string> kinds)
    {
        var named = kinds.Distinct().Select(k => k switch
        {
            "null" => "null",
            "object" or "array" or "integer" => "an " + k,
            _ => "a " + k,
        }).ToList();
        return named.Count <= 1 ? named.FirstOrDefault() ?? "a value" : string.Join(", ", named.Take(named.Count - 1)) + " or " + named[^1];
    }

    private static bool IsIntegral(JValue value) => value.Value switch
    {
        decimal d => d == decimal.Truncate(d),
        double d => double.IsFinite(d) && Math.Floor(d) == d,
        float f => float.IsFinite(f) && MathF.Floor(f) == f,
        _ => false,
    };
}
