using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// jq-style paths (<c>.body.changes[0].originatorMetadata.role</c>) over a frame, read with
/// Newtonsoft's JSONPath (<c>SelectTokens</c>), so <c>[*]</c> and filters work too.
/// </summary>
public static class FramePath
{
    /// <summary>How a path looks, for error messages.</summary>
    public const string Shape = "a path looks like .body.changes[0].event.message (keys after '.', indexes or [*] in brackets, ['odd key'] for other keys)";

    /// <summary>Why <paramref name="path"/> is not a path, or null when it is one.</summary>
    public static string? Check(string path)
    {
        if (path.Length == 0)
        {
            return "it is empty";
        }
        if (!path.StartsWith('$') && JqStyleProblem(path) is { } problem)
        {
            return problem;
        }
        try
        {
            // Newtonsoft parses the whole path up front: on an empty object nothing matches, but a bad path throws.
            _ = new JObject().SelectTokens(ToJsonPath(path)).ToList();
            return null;
        }
        catch (JsonException e)
        {
            return e.Message.TrimEnd('.');
        }
    }

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

    // The jq-style form (.a.b[0]) is stricter than JSONPath: '..' and spaces are typos there, not deep scans.
    private static string? JqStyleProblem(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                if (i + 1 == path.Length)
                {
                    return "it ends with '.'; a key must follow";
                }
                if (path[i + 1] == '.')
                {
                    return "'..' (an empty key) is not a jq path; write each key (.a.b), or a JSONPath deep scan as $..b";
                }
            }
            else if (c == '[')
            {
                var close = ClosingBracket(path, i);
                if (close < 0)
                {
                    return $"'[' at position {i + 1} is not closed";
                }
                if (close == i + 1)
                {
                    return $"'[]' at position {i + 1} is empty; write an index, [*] or ['key']";
                }
                i = close;
            }
            else if (c == ']')
            {
                return $"unexpected ']' at position {i + 1}";
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'')
            {
                return $"unexpected '{c}' at position {i + 1}; a key with such characters goes in brackets: ['a key']";
            }
        }
        return null;
    }

    // The ']' that closes the '[' at open, skipping quoted text and nested brackets (JSONPath filters), or -1.
    private static int ClosingBracket(string path, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Text(JToken token) => token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None);
}
