using System.Text;
using LpRepl.Frames;
using LpRepl.Repl;

namespace LpRepl.Terminal;

/// <summary>
/// The single write gate. Every write — frames from the receive loop, command output, errors —
/// takes one lock; while a prompt is on screen the prompt line is cleared first and redrawn
/// after, so inbound frames appear above the line being typed.
/// </summary>
public sealed class TerminalOutput(ITerminal terminal, OutputFormat format, bool color) : IReplOutput
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Lock _gate = new();
    private string? _livePrompt;

    public OutputFormat Format => format;

    /// <summary>Shows the prompt and remembers it, so writes from elsewhere can redraw it.</summary>
    public void ShowPrompt(string prompt)
    {
        lock (_gate)
        {
            _livePrompt = prompt;
            terminal.Write(Paint(Ansi.Bold, prompt));
        }
    }

    /// <summary>The line was entered: the prompt is no longer live.</summary>
    public void PromptDone()
    {
        lock (_gate)
        {
            _livePrompt = null;
        }
    }

    public void Frame(FrameDirection direction, string text, string? note = null)
    {
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

    public void Data(string text) => Emit(text, toError: false);

    public void Info(string text) => Emit(Paint(Ansi.Dim, text), toError: true);

    public void Error(string text) => Emit(Paint(Ansi.Red, "error: ") + text, toError: true);

    private string Note(string? note) => note is null || !color ? (note is null ? "" : $"  ({note})") : $"  {Ansi.Dim}({note}){Ansi.Reset}";

    private static string MarkerColor(FrameDirection direction) => direction == FrameDirection.Inbound ? Ansi.Green : Ansi.Cyan;

    private string Paint(string code, string text) => color ? code + text + Ansi.Reset : text;

    private void Emit(string text, bool toError)
    {
        var line = new StringBuilder(text.Length + 16);
        line.Append(text).Append('\n');
        lock (_gate)
        {
            if (_livePrompt is null)
            {
                Write(line.ToString(), toError);
                return;
            }
            // Above the prompt: clear it, print, then draw it again where the user left it.
            terminal.Write(ClearLine);
            Write(line.ToString(), toError);
            terminal.Write(Paint(Ansi.Bold, _livePrompt));
        }
    }

    private void Write(string text, bool toError)
    {
        if (toError)
        {
            terminal.WriteError(text);
        }
        else
        {
            terminal.Write(text);
        }
    }
}
