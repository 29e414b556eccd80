namespace LpRepl.Terminal.Input;

/// <summary>
/// Maps a complete CSI (<c>ESC [</c>) or SS3 (<c>ESC O</c>) key sequence, as xterm, tmux and
/// VT100-style terminals send it, to the key it stands for; anything unrecognised is
/// <see cref="Key.Unknown"/>.
/// </summary>
internal static class EscapeSequence
{
    private static readonly KeyPress Unknown = KeyPress.Of(Key.Unknown);

    /// <param name="ss3">True for <c>ESC O</c>, false for <c>ESC [</c>.</param>
    /// <param name="body">What followed the introducer: the parameters and the final character.</param>
    public static KeyPress Decode(bool ss3, string body)
    {
        var final = body[^1];
        if (!TryParseParameters(body.AsSpan(0, body.Length - 1), out var first, out var second))
        {
            return Unknown;
        }
        if (final == '~')
        {
            return ss3 ? Unknown : Tilde(first, Modifiers(second));
        }
        // Some terminals send application-mode keys with the modifier alone: ESC O 5 C.
        var modifiers = Modifiers(ss3 && second < 0 ? first : second);
        return final switch
        {
            'A' => KeyPress.Of(Key.Up, modifiers),
            'B' => KeyPress.Of(Key.Down, modifiers),
            'C' => KeyPress.Of(Key.Right, modifiers),
            'D' => KeyPress.Of(Key.Left, modifiers),
            'H' => KeyPress.Of(Key.Home, modifiers),
            'F' => KeyPress.Of(Key.End, modifiers),
            // Shift+Tab (back-tab).
            'Z' when !ss3 => KeyPress.Of(Key.Tab, KeyModifiers.Shift),
            _ => Unknown,
        };
    }

    private static KeyPress Tilde(int code, KeyModifiers modifiers) => code switch
    {
        1 or 7 => KeyPress.Of(Key.Home, modifiers),
        2 => KeyPress.Of(Key.Insert, modifiers),
        3 => KeyPress.Of(Key.Delete, modifiers),
        4 or 8 => KeyPress.Of(Key.End, modifiers),
        5 => KeyPress.Of(Key.PageUp, modifiers),
        6 => KeyPress.Of(Key.PageDown, modifiers),
        200 when modifiers == KeyModifiers.None => KeyPress.Of(Key.PasteStart),
        201 when modifiers == KeyModifiers.None => KeyPress.Of(Key.PasteEnd),
        _ => Unknown,
    };

    // xterm encodes modifiers as 1 + bitmask (1 Shift, 2 Alt, 4 Control, 8 Meta); Meta reads as Alt.
    private static KeyModifiers Modifiers(int parameter)
    {
        if (parameter < 2)
        {
            return KeyModifiers.None;
        }
        var mask = parameter - 1;
        var modifiers = KeyModifiers.None;
        if ((mask & 1) != 0)
        {
            modifiers |= KeyModifiers.Shift;
        }
        if ((mask & (2 | 8)) != 0)
        {
            modifiers |= KeyModifiers.Alt;
        }
        if ((mask & 4) != 0)
        {
            modifiers |= KeyModifiers.Control;
        }
        return modifiers;
    }

    // Accepts "", "n" and "n;m" (missing numbers are -1). Private markers (ESC [ < … for mouse
    // reports), intermediates and longer lists are not keys this editor knows.
    private static bool TryParseParameters(ReadOnlySpan<char> text, out int first, out int second)
    {
        first = -1;
        second = -1;
        var index = 0;
        var current = -1;
        foreach (var c in text)
        {
            if (c == ';')
            {
                if (++index > 1)
                {
                    return false;
                }
                first = current;
                current = -1;
            }
            else if (c is >= '0' and <= '9')
            {
                current = Math.Max(current, 0) * 10 + (c - '0');
                if (current > 9999)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        if (index == 0)
        {
            first = current;
        }
        else
        {
            second = current;
        }
        return true;
    }
}
