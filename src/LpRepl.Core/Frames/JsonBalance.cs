namespace LpRepl.Frames;

/// <summary>
/// Tells whether an input that starts a JSON value has closed all its brackets yet, so a
/// pretty-printed frame pasted over several lines is read as one frame.
/// </summary>
public static class JsonBalance
{
    /// <summary>True when every <c>{</c>/<c>[</c> outside strings is closed (or over-closed: the validator reports that).</summary>
    public static bool IsComplete(string text)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        foreach (var c in text)
        {
            if (inString)
            {
                if (c == '\n')
                {
                    // JSON strings cannot hold a raw newline: the quote was unbalanced; let the validator say where.
                    return true;
                }
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    break;
            }
        }
        return depth <= 0 && !inString;
    }

    /// <summary>Whether a line begins a raw JSON frame rather than a command.</summary>
    public static bool StartsFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }
}
