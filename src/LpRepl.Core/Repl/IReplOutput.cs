using LpRepl.Frames;

namespace LpRepl.Repl;

/// <summary>
/// Everything the session prints. The terminal layer implements it behind one write gate, so
/// frames arriving while the user types are printed above the prompt.
/// </summary>
public interface IReplOutput
{
    /// <summary>Columns to lay text out for (<c>help</c>): the terminal's width, 80 when unknown or not a terminal.</summary>
    int Width => 80;

    /// <summary>A frame sent or received; <paramref name="note"/> is an annotation such as the round-trip time.</summary>
    void Frame(FrameDirection direction, string text, string? note = null);

    /// <summary>Output the user asked for (<c>echo</c>, <c>vars</c>, <c>help</c>): standard output.</summary>
    void Data(string text);

    /// <summary>A status notice (captured variables, connection events): standard error.</summary>
    void Info(string text);

    /// <summary>An error: standard error.</summary>
    void Error(string text);

    /// <summary>A warning (a frame that does not fit the protocol, sent anyway): standard error, even when quiet.</summary>
    void Warning(string text) => Info("warning: " + text);
}
