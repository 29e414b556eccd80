using System.Text;

namespace LpRepl.Repl.Completion;

/// <summary>
/// The line up to the cursor read as <see cref="Session.ShellWords"/> reads a command line: the
/// words before the cursor's (unquoted), and the one being typed: where it starts in the text,
/// its value so far, the quote open at the cursor (<c>'</c>, <c>"</c> or none) and the one it
/// began with. <see cref="Tilde"/> is a leading unquoted <c>~</c> (home) before <c>/</c> or the end,
/// which <see cref="Value"/> leaves out; <see cref="Plain"/> is false where a <c>$</c> or backtick
/// leaves its value unknown until it is run.
/// </summary>
public sealed record ShellWordAtCursor(IReadOnlyList<string> Before, int Start, string Value, char OpenQuote, char FirstQuote, bool Tilde, bool Plain)
{
    public static ShellWordAtCursor Read(string before)
    {
        var words = new List<string>();
        var value = new StringBuilder();
        var (inWord, start, quote, first, tilde, plain) = (false, before.Length, '\0', '\0', false, true);
        var i = 0;
        while (i < before.Length)
        {
            var c = before[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    value.Append(c);
                }
                i++;
                continue;
            }
            if (quote == '"')
            {
                if (c == '\\' && i + 1 < before.Length && before[i + 1] is '"' or '\\' or '$' or '`')
                {
                    value.Append(before[i + 1]);
                    i += 2;
                    continue;
                }
                plain &= c is not ('$' or '`');
                if (c == '"')
                {
                    quote = '\0';
                }
                else
                {
                    value.Append(c);
                }
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(value.ToString());
                }
                (inWord, start, first, tilde, plain) = (false, before.Length, '\0', false, true);
                value.Clear();
                i++;
                continue;
            }
            if (!inWord)
            {
                (inWord, start, first) = (true, i, c is '\'' or '"' ? c : '\0');
                if (c == '~' && (i + 1 == before.Length || before[i + 1] == '/'))
                {
                    tilde = true;
                    i++;
                    continue;
                }
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    i++;
                    break;
                case '\\':
                    if (i + 1 < before.Length)
                    {
                        value.Append(before[i + 1]);
                    }
                    i += 2;
                    break;
                default:
                    plain &= c is not ('$' or '`');
                    value.Append(c);
                    i++;
                    break;
            }
        }
        return new ShellWordAtCursor(words, start, value.ToString(), quote, first, tilde, plain);
    }
}
