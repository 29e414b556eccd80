namespace LpRepl.Frames;

/// <summary>
/// Whether JSON text is already what <see cref="PrettyJson.Compact"/> writes: one object or array, no whitespace
/// between tokens, integers only, written canonically, and strings with no escape and nothing that gets
/// escaped on the way out (controls, C1, line and paragraph separators, bidi controls). Such text compacts to
/// itself, so a received frame bound for a file needs no second parse. Anything else answers false and takes
/// the reader's way, which also decides what is not JSON.
/// </summary>
internal static class CanonicalJson
{
    // The reader's own nesting limit: deeper text is its to refuse.
    private const int MaxDepth = 64;

    public static bool IsCompact(string text)
    {
        // Whether the container at each depth is an object (else an array).
        Span<bool> objects = stackalloc bool[MaxDepth + 1];
        var depth = 0;
        var i = 0;
        // What may come next: a value (after '[', ':' or ','), a key (after '{' or ',' in an object), or a comma/close.
        var expectValue = true;
        var expectKey = false;
        var started = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (expectKey)
            {
                if (c == '}' && text[i - 1] == '{')
                {
                    depth--;
                    i++;
                    expectKey = false;
                    expectValue = false;
                    continue;
                }
                if (c != '"' || (i = SkipString(text, i)) < 0 || i >= text.Length || text[i] != ':')
                {
                    return false;
                }
                i++;
                expectKey = false;
                expectValue = true;
                continue;
            }
            if (expectValue)
            {
                if (started && depth == 0)
                {
                    return false;
                }
                switch (c)
                {
                    case '{' or '[':
                        if (depth == MaxDepth)
                        {
                            return false;
                        }
                        objects[++depth] = c == '{';
                        started = true;
                        i++;
                        expectKey = c == '{';
                        expectValue = c == '[';
                        continue;
                    case ']' when i > 0 && text[i - 1] == '[':
                        depth--;
                        i++;
                        expectValue = false;
                        continue;
                    case '"':
                        i = SkipString(text, i);
                        break;
                    case '-' or (>= '0' and <= '9'):
                        i = SkipInteger(text, i);
                        break;
                    case 't':
                        i = Word(text, i, "true");
                        break;
                    case 'f':
                        i = Word(text, i, "false");
                        break;
                    case 'n':
                        i = Word(text, i, "null");
                        break;
                    default:
                        return false;
                }
                if (i < 0 || !started)
                {
                    return false;
                }
                expectValue = false;
                continue;
            }
            // After a value: a comma, or the close of its container.
            if (depth == 0)
            {
                return false;
            }
            switch (c)
            {
                case ',':
                    expectKey = objects[depth];
                    expectValue = !objects[depth];
                    break;
                case '}' when objects[depth]:
                case ']' when !objects[depth]:
                    depth--;
                    break;
                default:
                    return false;
            }
            i++;
        }
        return started && depth == 0 && !expectValue && !expectKey;
    }

    // Past the closing quote, or -1 when the string has an escape or a character the writer would escape.
    private static int SkipString(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }
            if (c is '\\' or < ' ' or (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                return -1;
            }
        }
        return -1;
    }

    // Past an integer written as the writer writes it back (no leading zero, no -0), or -1.
    private static int SkipInteger(string text, int start)
    {
        var i = start;
        if (text[i] == '-')
        {
            i++;
        }
        var digits = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }
        var count = i - digits;
        if (count == 0 || (text[digits] == '0' && (count > 1 || digits > start)))
        {
            return -1;
        }
        // A fraction or an exponent is read as a decimal and may come back written otherwise.
        return i < text.Length && text[i] is '.' or 'e' or 'E' ? -1 : i;
    }

    private static int Word(string text, int start, string word) =>
        string.CompareOrdinal(text, start, word, 0, word.Length) == 0 ? start + word.Length : -1;
}
