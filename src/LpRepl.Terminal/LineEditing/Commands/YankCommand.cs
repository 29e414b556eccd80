namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-Y: paste the last cut text at the cursor.</summary>
public sealed class YankCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Buffer.Insert(context.Kill.Text);
}
