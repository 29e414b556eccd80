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

    /// <summary>
    /// A frame sent or received; <paramref name="note"/> is an annotation such as the round-trip time, and
    /// <paramref name="tag"/> its number for <c>show N</c> and the request a response answers.
    /// </summary>
    void Frame(FrameDirection direction, string text, string? note = null, FrameTag? tag = null);

    /// <summary>A frame asked for whole (<c>show N</c>): indented whatever the format.</summary>
    void WholeFrame(RecentFrame frame) => Frame(frame.Direction, frame.Text, $"#{frame.Number}");

    /// <summary>How frames are printed now; null where the output has no formats.</summary>
    OutputFormat? Format => null;

    /// <summary>Changes how frames are printed from now on (<c>format chat</c>); false where the output has no formats.</summary>
    bool TrySetFormat(OutputFormat format) => false;

    /// <summary>What a script prints on purpose (<c>echo</c>, <c>render</c>, <c>template show</c>): standard output.</summary>
    void Data(string text);

    /// <summary>
    /// What a command tells about the session (<c>vars</c>, <c>status</c>, <c>help</c>, a capture): standard output
    /// on a terminal, standard error when standard output is data (frames for <c>jq</c>).
    /// </summary>
    void Report(string text) => Data(text);

    /// <summary>A status notice (captured variables, connection events): standard error.</summary>
    void Info(string text);

    /// <summary>An error: standard error.</summary>
    void Error(string text);

    /// <summary>A warning (a frame that does not fit the protocol, sent anyway): standard error, even when quiet.</summary>
    void Warning(string text) => Info("warning: " + text);
}
