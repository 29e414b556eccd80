using LpRepl.Frames;

namespace LpRepl.Terminal.LineEditing;

/// <summary>
/// Cuts a submitted block (usually a paste) into the inputs it holds: a JSON frame is one input
/// across its lines; every other line is an input of its own. So a pasted <c>echo one</c> /
/// <c>echo two</c> runs as two commands, never as <c>echo one echo two</c>.
/// </summary>
public static class InputSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        if (!text.Contains('\n'))
        {
            return [text];
        }
        var lines = text.Split('\n');
        var inputs = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!JsonBalance.StartsFrame(lines[i]))
            {
                inputs.Add(lines[i]);
                continue;
            }
            var frame = new JsonFrameAccumulator(lines[i]);
            while (!frame.IsComplete && i + 1 < lines.Length)
            {
                frame.AppendLine(lines[++i]);
            }
            inputs.Add(frame.Text);
        }
        return inputs;
    }
}
