namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Alt-F, Ctrl-Right: to the end of the word after the cursor.</summary>
public sealed class WordRightCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.Buffer.WordEndAfter(context.Buffer.Position));
}
