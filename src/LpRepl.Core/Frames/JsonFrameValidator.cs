using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Frames;

/// <summary>Checks that text is one JSON object, reporting the line and column of the first problem.</summary>
public static class JsonFrameValidator
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    public static FrameValidation Validate(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                // Keep ids and timestamps as written: no date parsing, no float rounding.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader, LoadSettings);
            if (reader.Read())
            {
                return FrameValidation.Fail("unexpected text after the end of the JSON value", reader.LineNumber, reader.LinePosition);
            }
            if (token is not JObject obj)
            {
                return FrameValidation.Fail($"a frame must be a JSON object, not {Describe(token.Type)}", 1, 1);
            }
            return FrameValidation.Ok(obj);
        }
        catch (JsonReaderException e)
        {
            // Newtonsoft's position counts the characters read before the offending one: +1 makes it a column.
            return FrameValidation.Fail(Trim(e.Message), Math.Max(1, e.LineNumber), e.LinePosition + 1);
        }
    }

    // Newtonsoft appends "Path '…', line 1, position 5." — the position is reported separately.
    /// <summary>
    /// Only checks that <paramref name="text"/> is one JSON object, streaming through it without
    /// building it: the fast path for frames LpRepl produced itself (template expansions).
    /// </summary>
    public static FrameValidation Check(string text)
    {
        // System.Text.Json's reader scans UTF-8 several times faster than building tokens; on
        // failure the full validator runs once more for a message with line and column.
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return Validate(text);
            }
            reader.Skip();
            return reader.Read() ? Validate(text) : FrameValidation.Ok(null);
        }
        catch (System.Text.Json.JsonException)
        {
            return Validate(text);
        }
    }

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        _ => type.ToString().ToLowerInvariant(),
    };
}
