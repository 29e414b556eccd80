namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-T: swap the characters around the cursor (the last two at the end of the line) and move on.</summary>
public sealed class TransposeCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        if (buffer.Length < 2 || buffer.Position == 0)
        {
            context.View.Bell();
            return;
        }
        var at = buffer.Position == buffer.Length ? buffer.PreviousIndex(buffer.Position) : buffer.Position;
        var before = buffer.PreviousIndex(at);
        var next = buffer.NextIndex(at);
        var first = buffer.Text[before..at];
        var second = buffer.Text[at..next];
        buffer.Remove(before, next - before);
        buffer.MoveTo(before);
        buffer.Insert(second + first);
    }
}
