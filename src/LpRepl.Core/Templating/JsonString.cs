using System.Buffers;
using System.Globalization;

namespace LpRepl.Templating;

/// <summary>
/// A string as a JSON string literal: quoted, with quotes, backslashes and control characters
/// escaped, everything else (accents, emoji) kept as typed. Scans with vectorized search, since
/// a message is mostly text that needs no escape.
/// </summary>
public static class JsonString
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static string Quote(string value)
    {
        var span = value.AsSpan();
        var first = span.IndexOfAny(NeedsEscape);
        if (first < 0)
        {
            return string.Concat("\"", value, "\"");
        }
        var builder = new System.Text.StringBuilder(value.Length + 16);
        builder.Append('"');
        while (first >= 0)
        {
            builder.Append(span[..first]);
            Escape(builder, span[first]);
            span = span[(first + 1)..];
            first = span.IndexOfAny(NeedsEscape);
        }
        return builder.Append(span).Append('"').ToString();
    }

    private static void Escape(System.Text.StringBuilder builder, char c)
    {
        switch (c)
        {
            case '"': builder.Append("\\\""); break;
            case '\\': builder.Append("\\\\"); break;
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            case '\b': builder.Append("\\b"); break;
            case '\f': builder.Append("\\f"); break;
            default: builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
        }
    }
}
