namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Down, Ctrl-N: the next line of a multi-line input, else the next history entry (or the line being written).</summary>
public sealed class HistoryNextCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var lineEnd = context.LineEnd;
        if (lineEnd < buffer.Length)
        {
            var column = buffer.Position - context.LineStart;
            var nextStart = lineEnd + 1;
            var nextEnd = buffer.Text.IndexOf('\n', nextStart);
            buffer.MoveTo(Math.Min(nextStart + column, nextEnd < 0 ? buffer.Length : nextEnd));
            return;
        }
        var entry = context.History.Next();
        if (entry is null)
        {
            context.View.Bell();
            return;
        }
        buffer.Set(entry);
    }
}
