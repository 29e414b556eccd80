namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Up, Ctrl-P: the previous line of a multi-line input, else the previous history entry.</summary>
public sealed class HistoryPreviousCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var lineStart = context.LineStart;
        if (lineStart > 0)
        {
            var column = buffer.Position - lineStart;
            // The previous line ends with the '\n' just before lineStart.
            var previousStart = lineStart >= 2 ? buffer.Text.LastIndexOf('\n', lineStart - 2) + 1 : 0;
            buffer.MoveTo(Math.Min(previousStart + column, lineStart - 1));
            return;
        }
        var entry = context.History.Previous(buffer.Text);
        if (entry is null)
        {
            context.View.Bell();
            return;
        }
        buffer.Set(entry);
    }
}
