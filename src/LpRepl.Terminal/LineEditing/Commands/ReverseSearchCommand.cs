namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-R: incremental search back through the history.</summary>
public sealed class ReverseSearchCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Outcome = EditorOutcome.StartSearch;
}
