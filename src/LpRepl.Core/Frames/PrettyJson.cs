using System.Text;
using LpRepl.Security;
using Newtonsoft.Json;

namespace LpRepl.Frames;

/// <summary>Indents a frame for reading, optionally with ANSI colours for keys, strings and numbers.</summary>
public static class PrettyJson
{
    private const string Key = Ansi.Cyan;
    private const string Str = Ansi.Green;
    private const string Num = Ansi.Yellow;
    private const string Lit = Ansi.Magenta;

    /// <summary>The indented text, or null when <paramref name="json"/> is not valid JSON.</summary>
    public static string? Format(string json, bool color, string indentPrefix = "") => Write(json, color, indentPrefix, indent: true);

    /// <summary>
    /// The frame on one line, every string escaped as in <see cref="Format"/>, or null when it is not valid JSON:
    /// a frame whose strings held raw line breaks or control characters is still one JSON document per line.
    /// </summary>
    public static string? Compact(string json) => CanonicalJson.IsCompact(json) ? json : CompactByReader(json);

    // The reader's way, for any text: what Compact gives whenever the text is not already compact.
    internal static string? CompactByReader(string json) => Write(json, color: false, "", indent: false);

    private static string? Write(string json, bool color, string indentPrefix, bool indent)
    {
        var sb = new StringBuilder(json.Length * 2);
        var depth = 0;
        var afterValue = false;
        var afterKey = false;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonToken.Comment)
                {
                    // JSON has no comments; a server that sends them does not get to print them.
                    continue;
                }
                var closing = token is JsonToken.EndObject or JsonToken.EndArray;
                if (closing)
                {
                    depth--;
                    if (afterValue && indent)
                    {
                        NewLine(sb, depth, indentPrefix);
                    }
                    sb.Append(token == JsonToken.EndObject ? '}' : ']');
                    afterValue = true;
                    afterKey = false;
                    continue;
                }
                if (!afterKey)
                {
                    if (afterValue)
                    {
                        sb.Append(',');
                    }
                    if (depth > 0 && indent)
                    {
                        NewLine(sb, depth, indentPrefix);
                    }
                }
                afterKey = false;
                switch (token)
                {
                    case JsonToken.StartObject or JsonToken.StartArray:
                        sb.Append(token == JsonToken.StartObject ? '{' : '[');
                        depth++;
                        afterValue = false;
                        break;
                    case JsonToken.PropertyName:
                        Paint(sb, color, Key, Quote((string)reader.Value!));
                        sb.Append(indent ? ": " : ":");
                        afterKey = true;
                        afterValue = false;
                        break;
                    case JsonToken.String:
                        Paint(sb, color, Str, Quote((string)reader.Value!));
                        afterValue = true;
                        break;
                    case JsonToken.Integer or JsonToken.Float:
                        Paint(sb, color, Num, Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture)!);
                        afterValue = true;
                        break;
                    default:
                        Paint(sb, color, Lit, reader.Value switch { null => "null", bool b => b ? "true" : "false", var v => v.ToString()! });
                        afterValue = true;
                        break;
                }
            }
        }
        catch (JsonReaderException)
        {
            return null;
        }
        return sb.ToString();
    }

    // JSON escapes only C0 controls; C1 controls (U+009B is a CSI) and bidi overrides are escaped too, still as valid JSON.
    private static string Quote(string value) => ControlCharacters.Escape(JsonConvert.ToString(value));

    private static void NewLine(StringBuilder sb, int depth, string prefix) => sb.Append('\n').Append(prefix).Append(' ', depth * 2);

    private static void Paint(StringBuilder sb, bool color, string code, string text)
    {
        if (color)
        {
            sb.Append(code).Append(text).Append(Ansi.Reset);
        }
        else
        {
            sb.Append(text);
        }
    }
}
