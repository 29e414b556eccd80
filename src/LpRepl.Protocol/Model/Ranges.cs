using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>
/// The documented ranges of a value, as JSON Schema words them: <c>minimum</c>/<c>maximum</c> for
/// numbers, <c>minLength</c>/<c>maxLength</c> (in characters) and <c>pattern</c> for strings,
/// <c>minItems</c> for arrays. Each applies only to values of its own JSON type.
/// </summary>
internal static class Ranges
{
    public static ProtocolFinding? Check(SchemaNode node, JToken value, string path)
    {
        var schema = node.Schema;
        switch (value)
        {
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                var given = Number(number);
                if (schema["minimum"] is JValue min && given < Number(min))
                {
                    return Outside(path, $"{Show(number)} is below the minimum, {Show(min)}");
                }
                if (schema["maximum"] is JValue max && given > Number(max))
                {
                    return Outside(path, $"{Show(number)} is above the maximum, {Show(max)}");
                }
                return null;
            case JValue { Type: JTokenType.String } text:
                var length = ((string)text!).Length;
                if (schema["minLength"] is JValue shortest && length < (int)shortest)
                {
                    return Outside(path, (int)shortest == 1 ? "must not be empty" : $"must be at least {(int)shortest} characters long, not {length}");
                }
                if (schema["maxLength"] is JValue longest && length > (int)longest)
                {
                    return Outside(path, $"must be at most {(int)longest} characters long, not {length}");
                }
                // Patterns are anchored in the files themselves (^…$), as JSON Schema leaves them unanchored.
                if (schema["pattern"] is JValue pattern && !Regex.IsMatch((string)text!, (string)pattern!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    // The schema's description says in words what the pattern means ("a whole number of bytes").
                    return Outside(path, schema["description"] is JValue words ? $"must be {(string)words!}" : $"must match {(string)pattern!}");
                }
                return null;
            case JArray array when schema["minItems"] is JValue fewest && array.Count < (int)fewest:
                return Outside(path, (int)fewest == 1 ? "must not be empty" : $"must have at least {(int)fewest} items, not {array.Count}");
            default:
                return null;
        }
    }

    private static ProtocolFinding Outside(string path, string message) => new(path, FindingKind.OutOfRange, message);

    // Good enough to compare: an integer beyond double's precision is still far beyond any documented bound.
    private static double Number(JValue value) => value.Value is BigInteger big ? (double)big : Convert.ToDouble(value.Value, CultureInfo.InvariantCulture);

    private static string Show(JValue value) => value.ToString(Newtonsoft.Json.Formatting.None);
}
