using LpRepl.Frames;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// One frame of the <see cref="InboundLog"/>: its text as received, and the object parsed from it while the
/// frame is among the newest. An older frame is parsed again from its text when a wait or capture reaches it,
/// so the log holds a few bytes per character instead of a tree of tokens per frame.
/// </summary>
internal sealed class InboundEntry(JObject frame, string? text, long size, long connection)
{
    private JObject? _frame = frame;

    public long Size { get; } = size;

    public long Connection { get; } = connection;

    /// <summary>The frame: the one parsed on arrival, or the same parsed again from its text.</summary>
    public JObject Frame => _frame ?? InboundFrameParser.Parse(text!);

    /// <summary>Lets the parsed object go; a frame added without its text keeps it.</summary>
    public void Release()
    {
        if (text is not null)
        {
            _frame = null;
        }
    }
}
