namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>End, Ctrl-E: end of the line (of the current line, in multi-line input).</summary>
public sealed class MoveEndCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.LineEnd);
}
