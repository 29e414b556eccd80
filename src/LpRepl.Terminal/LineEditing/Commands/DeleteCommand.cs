namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Delete: delete the character under the cursor.</summary>
public sealed class DeleteCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        buffer.Remove(buffer.Position, buffer.NextIndex(buffer.Position) - buffer.Position);
    }
}
