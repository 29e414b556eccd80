namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Right, Ctrl-F: one character right.</summary>
public sealed class MoveRightCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.Buffer.NextIndex(context.Buffer.Position));
}
