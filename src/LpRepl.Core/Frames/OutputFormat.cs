namespace LpRepl.Frames;

/// <summary>How frames are printed: <c>pretty</c> (indented, coloured), <c>compact</c> (one line, marked), or <c>raw</c> (as received).</summary>
public enum OutputFormat
{
    Pretty,
    Compact,
    Raw,
}
