namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Home, Ctrl-A: start of the line (of the current line, in multi-line input).</summary>
public sealed class MoveHomeCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.LineStart);
}
