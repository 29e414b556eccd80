namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Alt-B, Ctrl-Left: to the start of the word before the cursor.</summary>
public sealed class WordLeftCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.MoveTo(context.Buffer.WordStartBefore(context.Buffer.Position));
}
