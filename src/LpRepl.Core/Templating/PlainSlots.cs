using System.Text;
using LpRepl.Session;

namespace LpRepl.Templating;

/// <summary>
/// The common raw frame, whose only <c>{{ … }}</c> are session variables by name (<c>{{conversationId}}</c>),
/// expanded without Scriban, exactly as <see cref="JsonSlotContext"/> fills a slot. Anything else (an expression,
/// whitespace control, a raw block, an unset or Scriban-keyword name, a large result) is left to Scriban:
/// null means "not plain", never an error.
/// </summary>
internal static class PlainSlots
{
    // Well under Scriban's own limit of rendered output (LimitToString), so no frame expands here that it would refuse.
    private const int MaxResult = 256 * 1024;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "else", "end", "for", "in", "while", "break", "continue", "func", "import", "readonly", "with",
        "capture", "ret", "wrap", "do", "when", "case", "tablerow", "null", "true", "false", "empty", "this",
        "include", "elsif", "as",
    };

    public static string? TryExpand(string text, SessionVariables variables)
    {
        if (text.Contains("{%{", StringComparison.Ordinal))
        {
            return null;
        }
        var result = new StringBuilder(text.Length + 64);
        // The same walk as JsonSlotContext's over the frame text.
        var walk = default(JsonStringWalk);
        var at = 0;
        while (true)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            var literal = text.AsSpan(at, (open < 0 ? text.Length : open) - at);
            walk.Step(literal);
            result.Append(literal);
            if (open < 0)
            {
                return result.Length <= MaxResult ? result.ToString() : null;
            }
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0 || Name(text.AsSpan(open + 2, close - open - 2)) is not { } name
                || Keywords.Contains(name) || !variables.TryGet(name, out var value) || value.Length > MaxResult)
            {
                return null;
            }
            var quoted = JsonString.Quote(value);
            result.Append(walk.InString ? quoted.AsSpan(1, quoted.Length - 2) : JsonScalar.IsScalar(value) ? value : quoted);
            at = close + 2;
        }
    }

    // The name between the braces, spaces around it allowed; null when it is anything but one plain name.
    private static string? Name(ReadOnlySpan<char> inside)
    {
        inside = inside.Trim(" \t");
        if (inside.IsEmpty || !(char.IsAsciiLetter(inside[0]) || inside[0] == '_'))
        {
            return null;
        }
        foreach (var c in inside)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }
        return inside.ToString();
    }
}
