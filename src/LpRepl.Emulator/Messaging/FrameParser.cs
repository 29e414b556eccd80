using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>Parses an incoming text frame into a JSON object, with a short reason when it is not one.</summary>
internal static class FrameParser
{
    public static bool TryParse(string text, out JObject request, out string error)
    {
        request = [];
        if (StrictError(text) is { } strict)
        {
            // LivePerson's server refuses what lenient parsers accept: comments, trailing commas, NaN, raw control characters.
            error = strict;
            return false;
        }
        error = "";
        // Decimal keeps numbers as written (1.50 stays 1.50); a valid number beyond decimal's range (1e30) is read as a double.
        var asDouble = false;
        if (!TryRead(text, FloatParseHandling.Decimal, out var token, out error))
        {
            asDouble = true;
            if (!TryRead(text, FloatParseHandling.Double, out token, out error))
            {
                return false;
            }
        }

        if (token is not JObject obj)
        {
            error = "expected a JSON object";
            return false;
        }

        // Only a frame read as doubles can hold an infinity (1e400): the usual frame is not walked again.
        if (asDouble && obj.Descendants().OfType<JValue>().Any(v => v.Value is double d && !double.IsFinite(d)))
        {
            error = "a number is too large to represent";
            return false;
        }

        request = obj;
        return true;
    }

    /// <summary>The top-level <c>id</c> of a frame that may not be JSON at all (string or number, as the dispatcher echoes it), or null.</summary>
    public static string? PeekId(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 256, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.CurrentDepth > 0)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"))
                {
                    return reader.Read() ? IdText(ref reader) : null;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Malformed after the point reached: no id before it.
        }

        return null;
    }

    private static string? IdText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() is { Length: > 0 and <= 64 } id ? id : null,
        JsonTokenType.Number when reader.ValueSpan.Length <= 64 => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };

    private static bool TryRead(string text, FloatParseHandling floats, out JToken? token, out string error)
    {
        token = null;
        error = "";
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                // Keep strings such as message texts exactly as sent, never turned into dates.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = floats,
            };
            // A key given twice has no agreed meaning (RFC 8259 §4): refused, as LpRepl refuses to send it.
            token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (reader.Read())
            {
                error = "unexpected content after the JSON value";
                return false;
            }

            return true;
        }
        catch (JsonReaderException ex)
        {
            error = Shorten(ex.Message);
            return false;
        }
    }

    // RFC 8259 exactly, as System.Text.Json reads it by default; null when the text is JSON.
    private static string? StrictError(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed == 0 ? "the frame is empty" : null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var message = (cut > 0 ? ex.Message[..cut] : ex.Message).TrimEnd('.', ' ');
            return $"{Clip(message)} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
        }
    }

    // Newtonsoft appends "Path '', line 1, position 3."; the first sentence is what a user needs.
    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return Clip((cut > 0 ? message[..cut] : message).TrimEnd('.'));
    }

    // At most about 100 characters, cut between words.
    private static string Clip(string text)
    {
        if (text.Length <= 100)
        {
            return text;
        }
        var space = text.LastIndexOf(' ', 100);
        return text[..(space > 40 ? space : 100)] + "…";
    }
}
