using System.Globalization;
using System.Text;

namespace LpRepl.Security;

/// <summary>
/// Makes text that came from outside safe to show on a terminal: every character that could
/// move the cursor, retitle or clear the screen, or reorder what is shown is replaced by its
/// visible escape, <c>\u001b</c> for ESC, the same spelling JSON uses.
/// </summary>
public static class ControlCharacters
{
    /// <summary>
    /// C0 controls (U+0000–U+001F) except newline and tab, DEL, the C1 controls (U+0080–U+009F:
    /// U+009B is a one-byte CSI to many terminals), and the bidi embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) that make a line read differently from its bytes.
    /// </summary>
    public static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary>The text with every unsafe character as <c>\uXXXX</c>; the same instance when there is none.</summary>
    public static string Escape(string text) => Escape(text, keepNewlines: true);

    /// <summary>As <see cref="Escape(string)"/>, and with <paramref name="keepNewlines"/> false newlines too, for a value shown on one line.</summary>
    public static string Escape(string text, bool keepNewlines)
    {
        var first = IndexOfUnsafe(text, keepNewlines);
        if (first < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) || (!keepNewlines && c == '\n'))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static int IndexOfUnsafe(string text, bool keepNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) || (!keepNewlines && text[i] == '\n'))
            {
                return i;
            }
        }
        return -1;
    }
}
