namespace LpRepl.Terminal.Input;

/// <summary>The key one input character stands for on its own, outside any escape sequence.</summary>
internal static class SingleKey
{
    // Pasted text arrives one KeyPress per char; reusing the ASCII strings keeps big pastes cheap.
    private static readonly string[] AsciiText = [.. Enumerable.Range(0, 128).Select(i => ((char)i).ToString())];

    public static KeyPress Of(char c) => c switch
    {
        '\r' or '\n' => KeyPress.Of(Key.Enter),
        '\t' => KeyPress.Of(Key.Tab),
        '\x7f' or '\b' => KeyPress.Of(Key.Backspace),
        '\0' => new KeyPress(Key.Char, " ", KeyModifiers.Control),
        >= '\x01' and <= '\x1a' => KeyPress.Ctrl((char)('a' + c - 1)),
        < ' ' => KeyPress.Of(Key.Unknown, KeyModifiers.Control),
        // C1 controls are never typed text.
        >= '\x80' and <= '\x9f' => KeyPress.Of(Key.Unknown),
        _ => KeyPress.Printable(Text(c)),
    };

    public static string Text(char c) => c < AsciiText.Length ? AsciiText[c] : c.ToString();
}
