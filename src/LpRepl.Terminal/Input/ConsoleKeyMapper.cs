namespace LpRepl.Terminal.Input;

/// <summary>Maps the console's key events (used where stty is not available, e.g. Windows) to <see cref="KeyPress"/>.</summary>
internal static class ConsoleKeyMapper
{
    public static KeyPress Map(ConsoleKeyInfo info)
    {
        var modifiers = (info.Modifiers.HasFlag(ConsoleModifiers.Shift) ? KeyModifiers.Shift : 0)
            | (info.Modifiers.HasFlag(ConsoleModifiers.Alt) ? KeyModifiers.Alt : 0)
            | (info.Modifiers.HasFlag(ConsoleModifiers.Control) ? KeyModifiers.Control : 0);
        var named = info.Key switch
        {
            ConsoleKey.Enter => Key.Enter,
            ConsoleKey.Tab => Key.Tab,
            ConsoleKey.Backspace => Key.Backspace,
            ConsoleKey.Delete => Key.Delete,
            ConsoleKey.Escape => Key.Escape,
            ConsoleKey.LeftArrow => Key.Left,
            ConsoleKey.RightArrow => Key.Right,
            ConsoleKey.UpArrow => Key.Up,
            ConsoleKey.DownArrow => Key.Down,
            ConsoleKey.Home => Key.Home,
            ConsoleKey.End => Key.End,
            ConsoleKey.PageUp => Key.PageUp,
            ConsoleKey.PageDown => Key.PageDown,
            ConsoleKey.Insert => Key.Insert,
            _ => Key.Char,
        };
        if (named != Key.Char)
        {
            return new KeyPress(named, "", modifiers);
        }
        if (modifiers.HasFlag(KeyModifiers.Control) && info.Key is >= ConsoleKey.A and <= ConsoleKey.Z)
        {
            return KeyPress.Ctrl((char)('a' + (info.Key - ConsoleKey.A)));
        }
        if (info.KeyChar == '\0')
        {
            return new KeyPress(Key.Unknown, "", modifiers);
        }
        return new KeyPress(Key.Char, info.KeyChar.ToString(), modifiers & ~KeyModifiers.Shift);
    }
}
