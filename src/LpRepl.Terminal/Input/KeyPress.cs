namespace LpRepl.Terminal.Input;

/// <summary>
/// One decoded key: a named key with modifiers, or printable text (<see cref="Key.Char"/>, one
/// user-perceived character such as a surrogate pair). Ctrl-A is <c>(Char, "a", Control)</c>.
/// </summary>
public readonly record struct KeyPress(Key Key, string Text = "", KeyModifiers Modifiers = KeyModifiers.None)
{
    public static KeyPress Ctrl(char letter) => new(Key.Char, char.ToLowerInvariant(letter).ToString(), KeyModifiers.Control);

    public static KeyPress Alt(char letter) => new(Key.Char, letter.ToString(), KeyModifiers.Alt);

    public static KeyPress Of(Key key, KeyModifiers modifiers = KeyModifiers.None) => new(key, "", modifiers);

    public static KeyPress Printable(string text) => new(Key.Char, text);

    public bool IsPrintable => Key == Key.Char && Modifiers is KeyModifiers.None or KeyModifiers.Shift;

    public override string ToString() => Key == Key.Char ? $"{Modifiers}+'{Text}'" : $"{Modifiers}+{Key}";
}
