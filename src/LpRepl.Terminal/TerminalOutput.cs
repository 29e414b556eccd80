using LpRepl.Frames;
using LpRepl.Repl;

namespace LpRepl.Terminal;

/// <summary>
/// How the session's output looks: frame markers, formats, colours, and which stream each
/// kind goes to. Every write passes the <see cref="WriteGate"/>, so frames that arrive while
/// the user types appear above the prompt.
/// </summary>
public sealed class TerminalOutput(WriteGate gate, OutputFormat format, bool color) : IReplOutput
{
    public OutputFormat Format => format;

    public WriteGate Gate => gate;

    /// <summary>Only failures and what the user asked to see (captures, echo): no frames, no notices.</summary>
    public bool Quiet { get; init; }

    public void Frame(FrameDirection direction, string text, string? note = null)
    {
        if (Quiet)
        {
            return;
        }
        var marker = direction == FrameDirection.Inbound ? "<" : ">";
        if (format != OutputFormat.Raw)
        {
            // On screen a server's control characters would drive the terminal: they are shown, not obeyed.
            text = Visible(text);
        }
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

    public void Data(string text) => Emit(text, toError: false);

    public void Info(string text)
    {
        if (!Quiet)
        {
            Emit(Paint(Ansi.Dim, Visible(text)), toError: true);
        }
    }

    public void Error(string text) => Emit(Paint(Ansi.Red, "error: ") + Visible(text), toError: true);

    /// <summary>Control characters other than newline and tab replaced by visible escapes (ESC becomes <c>\u001b</c>).</summary>
    public static string Visible(string text)
    {
        if (!text.Any(IsHidden))
        {
            return text;
        }
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(IsHidden(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return sb.ToString();
    }

    // Newlines and tabs only lay text out; every other control character could move or restyle the screen.
    private static bool IsHidden(char c) => c is not ('\n' or '\t') && char.IsControl(c);

    private string Note(string? note) => note is null ? "" : color ? $"  {Ansi.Dim}({note}){Ansi.Reset}" : $"  ({note})";

    private static string MarkerColor(FrameDirection direction) => direction == FrameDirection.Inbound ? Ansi.Green : Ansi.Cyan;

    private string Paint(string code, string text) => color ? code + text + Ansi.Reset : text;

    private void Emit(string text, bool toError) => gate.WriteAbove(text + "\n", toError);
}
