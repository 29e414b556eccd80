namespace LpRepl.Terminal.Input;

/// <summary>Modifier keys held with a key.</summary>
[Flags]
public enum KeyModifiers
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Control = 4,
}
