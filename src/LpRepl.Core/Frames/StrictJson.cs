using System.Text;
using System.Text.Json;

namespace LpRepl.Frames;

/// <summary>
/// RFC 8259 and nothing more: no comments, trailing commas, single quotes, bare words, NaN, or raw
/// control characters in strings (what lenient parsers let through and a server refuses). Also
/// refuses a key repeated in one object, which servers read ambiguously.
/// </summary>
internal static class StrictJson
{
    private const int MaxDepth = 256;

    /// <summary>Null when <paramref name="text"/> is exactly one JSON object; else what is wrong and where.</summary>
    public static FrameValidation? FindError(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        var keys = new Stack<HashSet<string>>();
        try
        {
            if (!reader.Read())
            {
                return Fail(bytes, "the frame is empty", bytes.Length);
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(bytes, $"a frame must be a JSON object, not {Describe(reader.TokenType)}", (int)reader.TokenStartIndex);
            }
            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!keys.Peek().Add(name))
                        {
                            return Fail(bytes, $"the key '{name}' appears twice in one object", (int)reader.TokenStartIndex);
                        }
                        break;
                }
            }
            while (reader.Read());
            return null;
        }
        catch (JsonException e)
        {
            return Fail(bytes, Trim(e.Message), LineStart(bytes, e.LineNumber ?? 0) + (int)(e.BytePositionInLine ?? 0));
        }
    }

    // Line and column count lines by \n and columns in UTF-16 units, as the pointer shows the text.
    private static FrameValidation Fail(byte[] bytes, string error, int byteIndex)
    {
        byteIndex = Math.Clamp(byteIndex, 0, bytes.Length);
        var lineStart = bytes.AsSpan(0, byteIndex).LastIndexOf((byte)'\n') + 1;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, byteIndex - lineStart);
        return FrameValidation.Fail(error, line, column);
    }

    private static int LineStart(byte[] bytes, long lineNumber)
    {
        var start = 0;
        for (var n = 0L; n < lineNumber; n++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', start);
            if (next < 0)
            {
                break;
            }
            start = next + 1;
        }
        return start;
    }

    // System.Text.Json ends its messages with " LineNumber: 0 | BytePositionInLine: 7."; the position is reported apart.
    private static string Trim(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };
}
