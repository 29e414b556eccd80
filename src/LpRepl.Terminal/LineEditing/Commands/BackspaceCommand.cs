namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Backspace: delete the character before the cursor.</summary>
public sealed class BackspaceCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var start = buffer.PreviousIndex(buffer.Position);
        buffer.Remove(start, buffer.Position - start);
    }
}
