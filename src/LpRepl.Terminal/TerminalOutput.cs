using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Security;

namespace LpRepl.Terminal;

/// <summary>
/// How the session's output looks: frame markers, formats, colours, and which stream each
/// kind goes to. Every write passes the <see cref="WriteGate"/>, so frames that arrive while
/// the user types appear above the prompt.
/// </summary>
/// <remarks>
/// This is the one place outside text is made safe to show. Whatever reaches a terminal has its
/// control characters escaped (<see cref="ControlCharacters"/>), and frames, notices and errors
/// have whole tokens shortened (<see cref="SecretRedactor"/>). Only data bound for a pipe or a
/// file stays exact: what the user asked for (<see cref="Data"/>) and received frames in raw format.
/// </remarks>
public sealed class TerminalOutput(WriteGate gate, OutputFormat format, bool color) : IReplOutput
{
    public OutputFormat Format => format;

    public WriteGate Gate => gate;

    public int Width => ToScreen ? gate.Terminal.Width : 80;

    /// <summary>Only failures and what the user asked to see (captures, echo): no frames, no notices.</summary>
    public bool Quiet { get; init; }

    // Standard output reaches a person only when it is a terminal; standard error is always treated as one.
    private bool ToScreen => gate.Terminal.OutputIsTerminal;

    public void Frame(FrameDirection direction, string text, string? note = null)
    {
        if (Quiet)
        {
            return;
        }
        if (format == OutputFormat.Raw && direction == FrameDirection.Inbound && !ToScreen)
        {
            // Received frames piped on are data: byte for byte as the server sent them.
            Emit(text, toError: false);
            return;
        }
        // On screen a server's control characters would drive the terminal: they are shown, not obeyed.
        text = Shown(text);
        var marker = direction == FrameDirection.Inbound ? "<" : ">";
        switch (format)
        {
            case OutputFormat.Raw when direction == FrameDirection.Inbound:
                Emit(text, toError: false);
                break;
            case OutputFormat.Raw:
                Emit($"> {text}", toError: true);
                break;
            // What the user typed is already on screen: a sent frame stays on one line, as sent.
            case OutputFormat.Pretty when direction == FrameDirection.Inbound:
                var body = PrettyJson.Format(text, color, "  ") ?? text;
                Emit($"{Paint(MarkerColor(direction), marker)} {body}{Note(note)}", toError: false);
                break;
            default:
                Emit($"{Paint(MarkerColor(direction), marker)} {text}{Note(note)}", toError: false);
                break;
        }
    }

    public void Data(string text) => Emit(ToScreen ? ControlCharacters.Escape(text) : text, toError: false);

    public void Info(string text)
    {
        if (!Quiet)
        {
            Emit(Paint(Ansi.Dim, Shown(text)), toError: true);
        }
    }

    public void Error(string text) => Emit(Paint(Ansi.Red, "error: ") + Shown(text), toError: true);

    // Shown even when quiet: a warning points at a line that is likely to fail.
    public void Warning(string text) => Emit(Paint(Ansi.Yellow, "warning: ") + Shown(text), toError: true);

    /// <summary>Control characters other than newline and tab replaced by visible escapes (ESC becomes <c>\u001b</c>).</summary>
    public static string Visible(string text) => ControlCharacters.Escape(text);

    // Tokens shortened first, so an escape can never split one and let it through.
    private static string Shown(string text) => ControlCharacters.Escape(SecretRedactor.Redact(text));

    private string Note(string? note) => note is null ? "" : color ? $"  {Ansi.Dim}({Shown(note)}){Ansi.Reset}" : $"  ({Shown(note)})";

    private static string MarkerColor(FrameDirection direction) => direction == FrameDirection.Inbound ? Ansi.Green : Ansi.Cyan;

    private string Paint(string code, string text) => color ? code + text + Ansi.Reset : text;

    private void Emit(string text, bool toError) => gate.WriteAbove(text + "\n", toError);
}
