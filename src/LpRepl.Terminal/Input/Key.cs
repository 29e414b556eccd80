namespace LpRepl.Terminal.Input;

/// <summary>The keys the line editor understands; printable text is <see cref="Char"/>.</summary>
public enum Key
{
    Char,
    Enter,
    Tab,
    Backspace,
    Delete,
    Escape,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    PasteStart,
    PasteEnd,
    Unknown,
}
