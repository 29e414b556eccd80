using System.Text;

namespace LpRepl.Session;

/// <summary>
/// Splits a command line into words the way a POSIX shell does for the subset users type at
/// the prompt: single quotes (literal), double quotes (with <c>$NAME</c> expansion and
/// <c>\"</c> escapes), backslash escapes, <c>$NAME</c> / <c>${NAME}</c> expansion, and a
/// word's leading unquoted <c>~</c> before <c>/</c> or its end as the user's home.
/// </summary>
public static class ShellWords
{
    /// <summary>Splits <paramref name="line"/>; an unset variable or an open quote is an error.</summary>
    public static ShellWordsResult Split(string line, Func<string, string?> lookup) => Split(line, lookup, null, splitFields: true);

    /// <summary>
    /// Splits with command substitution: <c>$(cmd)</c> and backticks call <paramref name="substitute"/>
    /// (which runs the command); without it they are an error. <paramref name="splitFields"/> false
    /// keeps an unquoted expansion as one word, as the shell does in an assignment.
    /// </summary>
    public static ShellWordsResult Split(string line, Func<string, string?> lookup, Func<string, string>? substitute, bool splitFields)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                i++;
                continue;
            }
            if (!inWord && c == '~' && (i + 1 == line.Length || line[i + 1] == '/' || char.IsWhiteSpace(line[i + 1])))
            {
                // As the shell does, so "run ~/scripts/x.lprepl" (completed by Tab) opens the file.
                word.Append(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
                inWord = true;
                i++;
                continue;
            }
            inWord = true;
            string? error;
            switch (c)
            {
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return ShellWordsResult.Fail($"unterminated single quote at column {i + 1}");
                    }
                    word.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                    break;
                case '"':
                    error = ReadDoubleQuoted(line, ref i, word, lookup, substitute);
                    if (error is not null)
                    {
                        return ShellWordsResult.Fail(error);
                    }
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[i + 1]);
                    i += 2;
                    break;
                case '`' when substitute is not null:
                    var closeTick = line.IndexOf('`', i + 1);
                    if (closeTick < 0)
                    {
                        return ShellWordsResult.Fail($"unterminated ` at column {i + 1}");
                    }
                    error = Substitute(line[(i + 1)..closeTick], substitute, word, splitFields ? words : null);
                    if (error is not null)
                    {
                        return ShellWordsResult.Fail(error);
                    }
                    i = closeTick + 1;
                    break;
                case '$' when substitute is not null && i + 1 < line.Length && line[i + 1] == '(':
                    var closeParen = MatchingParen(line, i + 1);
                    if (closeParen < 0)
                    {
                        return ShellWordsResult.Fail($"unterminated $( at column {i + 1}");
                    }
                    error = Substitute(line[(i + 2)..closeParen], substitute, word, splitFields ? words : null);
                    if (error is not null)
                    {
                        return ShellWordsResult.Fail(error);
                    }
                    i = closeParen + 1;
                    break;
                case '$':
                    var expanded = new StringBuilder();
                    error = Expand(line, ref i, expanded, lookup);
                    if (error is not null)
                    {
                        return ShellWordsResult.Fail(error);
                    }
                    // Unquoted, a value is split on blanks into words, as the shell does (not in an assignment).
                    var fields = splitFields ? expanded.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [expanded.ToString()];
                    for (var f = 0; f < fields.Length; f++)
                    {
                        if (f > 0)
                        {
                            words.Add(word.ToString());
                            word.Clear();
                        }
                        word.Append(fields[f]);
                    }
                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return ShellWordsResult.Ok(words);
    }

    /// <summary>Expands variables in <paramref name="text"/> as inside double quotes, keeping every other character.</summary>
    public static ShellWordsResult ExpandOnly(string text, Func<string, string?> lookup)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$')
            {
                var error = Expand(text, ref i, sb, lookup);
                if (error is not null)
                {
                    return ShellWordsResult.Fail(error);
                }
            }
            else
            {
                sb.Append(text[i++]);
            }
        }
        return ShellWordsResult.Ok([sb.ToString()]);
    }

    private static string? Substitute(string command, Func<string, string> substitute, StringBuilder word, List<string>? words)
    {
        string output;
        try
        {
            output = substitute(command);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
        // Like the shell: trailing newlines go, and unquoted output is split into words.
        output = output.TrimEnd('\n', '\r');
        if (words is null)
        {
            word.Append(output);
            return null;
        }
        var fields = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var f = 0; f < fields.Length; f++)
        {
            if (f > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            word.Append(fields[f]);
        }
        return null;
    }

    private static int MatchingParen(string line, int open)
    {
        var depth = 0;
        for (var i = open; i < line.Length; i++)
        {
            depth += line[i] == '(' ? 1 : line[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static string? ReadDoubleQuoted(string line, ref int i, StringBuilder word, Func<string, string?> lookup, Func<string, string>? substitute)
    {
        var start = i;
        i++;
        while (i < line.Length && line[i] != '"')
        {
            var c = line[i];
            // "$(cmd)" and "`cmd`": substituted as one word, never split.
            if (substitute is not null && (c == '`' || (c == '$' && i + 1 < line.Length && line[i + 1] == '(')))
            {
                var close = c == '`' ? line.IndexOf('`', i + 1) : MatchingParen(line, i + 1);
                if (close < 0)
                {
                    return $"unterminated {(c == '`' ? "`" : "$(")} at column {i + 1}";
                }
                var error = Substitute(line[(i + (c == '`' ? 1 : 2))..close], substitute, word, null);
                if (error is not null)
                {
                    return error;
                }
                i = close + 1;
                continue;
            }
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(line[i + 1]);
                i += 2;
            }
            else if (c == '$')
            {
                var expandError = Expand(line, ref i, word, lookup);
                if (expandError is not null)
                {
                    return expandError;
                }
            }
            else
            {
                word.Append(c);
                i++;
            }
        }
        if (i >= line.Length)
        {
            return $"unterminated double quote at column {start + 1}";
        }
        i++;
        return null;
    }

    private static string? Expand(string line, ref int i, StringBuilder word, Func<string, string?> lookup)
    {
        var start = i;
        string name;
        if (i + 1 < line.Length && line[i + 1] == '(')
        {
            return $"command substitution $(…) at column {start + 1} is not supported yet; 'signup' sets LP_JWT for you";
        }
        if (i + 1 < line.Length && line[i + 1] == '{')
        {
            var close = line.IndexOf('}', i + 2);
            if (close < 0)
            {
                return $"unterminated ${{ at column {start + 1}";
            }
            name = line[(i + 2)..close];
            i = close + 1;
        }
        else
        {
            var end = i + 1;
            while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_'))
            {
                end++;
            }
            if (end == i + 1)
            {
                // A lone '$' (e.g. "$ 5") is literal, as in the shell.
                word.Append('$');
                i++;
                return null;
            }
            name = line[(i + 1)..end];
            i = end;
        }
        var value = lookup(name);
        if (value is null)
        {
            return $"${name} is not set (column {start + 1}); set it with {name}=VALUE, or see 'vars' (for a literal $, quote it: '…${name}…')";
        }
        word.Append(value);
        return null;
    }
}
