namespace LpRepl.Frames;

/// <summary>The few ANSI styles LpRepl uses; none is written when colour is off.</summary>
public static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string Bold = "\u001b[1m";
    public const string Dim = "\u001b[2m";
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Magenta = "\u001b[35m";
    public const string Cyan = "\u001b[36m";
}
