namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-Home: start of the whole input (its first line, in multi-line input).</summary>
public sealed class MoveInputStartCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(0);
}
