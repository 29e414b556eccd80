namespace LpRepl.Frames;

/// <summary>
/// How frames are printed: <c>pretty</c> (indented, coloured), <c>compact</c> (one line, marked), <c>raw</c> (as received),
/// or <c>chat</c> (one short line per message, receipt, typing, join, close and response).
/// </summary>
public enum OutputFormat
{
    Pretty,
    Compact,
    Raw,
    Chat,
}
