namespace LpRepl.Tests.Terminal;

/// <summary>
/// The keystroke DSL: what a terminal sends for each key, to write tests as
/// <c>$"ab{Left}c{Enter}"</c> (with <c>using static LpRepl.Tests.Terminal.Keys;</c>).
/// </summary>
public static class Keys
{
    public const string Enter = "\r";
    public const string Tab = "\t";
    public const string Backspace = "\u007f";
    public const string Esc = "\u001b";
    public const string Left = "\u001b[D";
    public const string Right = "\u001b[C";
    public const string Up = "\u001b[A";
    public const string Down = "\u001b[B";
    public const string Home = "\u001b[H";
    public const string End = "\u001b[F";
    public const string Delete = "\u001b[3~";
    public const string CtrlLeft = "\u001b[1;5D";
    public const string CtrlRight = "\u001b[1;5C";
    public const string CtrlHome = "\u001b[1;5H";
    public const string CtrlEnd = "\u001b[1;5F";
    public const string PasteStart = "\u001b[200~";
    public const string PasteEnd = "\u001b[201~";

    public static string Ctrl(char letter) => ((char)(char.ToLowerInvariant(letter) - 'a' + 1)).ToString();

    public static string Alt(char letter) => "\u001b" + letter;

    public static string Paste(string text) => PasteStart + text + PasteEnd;
}
