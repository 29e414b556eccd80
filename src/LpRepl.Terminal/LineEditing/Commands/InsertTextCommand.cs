namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Inserts typed text at the cursor.</summary>
public sealed class InsertTextCommand(string text) : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.Insert(text);
}
