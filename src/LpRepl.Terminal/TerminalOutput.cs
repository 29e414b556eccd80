using LpRepl.Frames;
using LpRepl.Frames.Chat;
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
    private readonly ChatView _chat = new();
    // Set by the format command while frames arrive on the receive loop.
    private volatile OutputFormat _format = format;

    public OutputFormat Format => _format;

    OutputFormat? IReplOutput.Format => _format;

    public bool TrySetFormat(OutputFormat format)
    {
        _format = format;
        return true;
    }

    public WriteGate Gate => gate;

    public int Width => ToScreen ? gate.Terminal.Width : 80;

    // Notices go to standard error: laid out to its terminal's width there, whole in a file or a pipe.
    private int? NoticeWidth => gate.Terminal.ErrorIsTerminal ? gate.Terminal.Width : null;

    /// <summary>Only failures and what the user asked to see (captures, echo): no frames, no notices.</summary>
    public bool Quiet { get; init; }

    // Standard output reaches a person only when it is a terminal; standard error is always treated as one.
    private bool ToScreen => gate.Terminal.OutputIsTerminal;

    public void Frame(FrameDirection direction, string text, string? note = null, FrameTag? tag = null)
    {
        if (Quiet)
        {
            return;
        }
        var format = _format;
        if (format == OutputFormat.Chat)
        {
            Chat(direction, text, tag);
            return;
        }
        if (!ToScreen)
        {
            Piped(format, direction, text, note);
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

    // Standard output is data (a file, jq): received frames only, each a JSON document with no marker or note.
    // Everything else goes to standard error, marked, as a person reads it there.
    private void Piped(OutputFormat format, FrameDirection direction, string text, string? note)
    {
        if (direction == FrameDirection.Outbound)
        {
            Emit($"> {Shown(text)}", toError: true);
            return;
        }
        if (format == OutputFormat.Raw)
        {
            // Received frames piped on are data: byte for byte as the server sent them.
            Emit(text, toError: false);
            return;
        }
        // Tokens shortened inside their strings, and every string re-quoted with its control characters escaped:
        // still valid JSON, and nothing in it can drive a terminal that shows the file later.
        var redacted = SecretRedactor.Redact(text);
        var json = format == OutputFormat.Pretty ? PrettyJson.Format(redacted, color: false) : PrettyJson.Compact(redacted);
        if (json is null)
        {
            // Not JSON: it would break the reader of standard output, so it is told on standard error.
            Emit($"< {Shown(text)}{Note(note ?? "not valid JSON")}", toError: true);
            return;
        }
        Emit(json, toError: false);
    }

    // The chat view asked for at a pipe too: its lines are what the user chose to read, sent ones on stderr as ever.
    private void Chat(FrameDirection direction, string text, FrameTag? tag)
    {
        var toError = direction == FrameDirection.Outbound && !ToScreen;
        foreach (var line in _chat.Lines(direction, text, tag))
        {
            Emit(PaintChat(Shown(line)), toError);
        }
    }

    private string PaintChat(string line)
    {
        if (!color || line.Length == 0)
        {
            return line;
        }
        var number = line.LastIndexOf("  #", StringComparison.Ordinal);
        var (head, tail) = number < 0 ? (line, "") : (line[..number], Paint(Ansi.Dim, line[number..]));
        return line[0] switch
        {
            '✓' => Paint(Ansi.Green, "✓") + head[1..] + tail,
            '✗' => Paint(Ansi.Red, "✗") + head[1..] + tail,
            '·' or '>' or '<' => Paint(Ansi.Dim, head) + tail,
            _ when head.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon => Paint(head.StartsWith("you:", StringComparison.Ordinal) ? Ansi.Cyan : Ansi.Green, head[..(colon + 1)]) + head[(colon + 1)..] + tail,
            _ => line,
        };
    }

    /// <summary><c>show N</c>: the frame indented, escaped and with tokens shortened; on one line when stdout is data.</summary>
    public void WholeFrame(RecentFrame frame)
    {
        var redacted = SecretRedactor.Redact(frame.Text);
        if (!ToScreen)
        {
            Emit(PrettyJson.Compact(redacted) ?? Shown(frame.Text), toError: false);
            return;
        }
        var marker = frame.Direction == FrameDirection.Inbound ? "<" : ">";
        var body = PrettyJson.Format(redacted, color, "  ") ?? Shown(frame.Text);
        Emit($"{Paint(MarkerColor(frame.Direction), marker)} {body}{Note($"#{frame.Number}")}", toError: false);
    }

    public void Data(string text) => Emit(ToScreen ? ControlCharacters.Escape(text) : text, toError: false);

    // Standard error is always treated as a terminal, so what goes there is escaped.
    public void Report(string text) => Emit(ControlCharacters.Escape(text), toError: !ToScreen);

    public void Info(string text)
    {
        if (!Quiet)
        {
            Emit(Paint(Ansi.Dim, Laid(Shown(text))), toError: true);
        }
    }

    public void Error(string text) => Emit(Labelled(Ansi.Red, "error: ", text), toError: true);

    // Shown even when quiet: a warning points at a line that is likely to fail.
    public void Warning(string text) => Emit(Labelled(Ansi.Yellow, "warning: ", text), toError: true);

    /// <summary>Control characters other than newline and tab replaced by visible escapes (ESC becomes <c>\u001b</c>).</summary>
    public static string Visible(string text) => ControlCharacters.Escape(text);

    // Tokens shortened first, so an escape can never split one and let it through.
    private static string Shown(string text) => ControlCharacters.Escape(SecretRedactor.Redact(text));

    // Wrapped between words where a terminal shows it: a row the terminal wraps splits a word.
    private string Laid(string text) => TextLayout.Lines(text, NoticeWidth);

    // The label is laid out with the text it begins, then painted alone.
    private string Labelled(string code, string label, string text)
    {
        var laid = Laid(label + Shown(text));
        return laid.StartsWith(label, StringComparison.Ordinal) ? Paint(code, label) + laid[label.Length..] : Paint(code, label) + Shown(text);
    }

    private string Note(string? note) => note is null ? "" : color ? $"  {Ansi.Dim}({Shown(note)}){Ansi.Reset}" : $"  ({Shown(note)})";

    private static string MarkerColor(FrameDirection direction) => direction == FrameDirection.Inbound ? Ansi.Green : Ansi.Cyan;

    private string Paint(string code, string text) => color ? code + text + Ansi.Reset : text;

    private void Emit(string text, bool toError) => gate.WriteAbove(text + "\n", toError);
}
