namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-End: end of the whole input (its last line, in multi-line input).</summary>
public sealed class MoveInputEndCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.Buffer.Length);
}
