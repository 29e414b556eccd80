namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Left, Ctrl-B: one character left.</summary>
public sealed class MoveLeftCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.Buffer.PreviousIndex(context.Buffer.Position));
}
