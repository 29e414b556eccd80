namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-C: abandon the line and start a new prompt.</summary>
public sealed class CancelLineCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Outcome = EditorOutcome.Cancel;
}
