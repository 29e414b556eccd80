namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-U: cut from the start of the line to the cursor.</summary>
public sealed class KillToStartCommand : EditCommand
{
    public override bool IsKill => true;

    public override void Execute(EditorContext context)
    {
        var start = context.LineStart;
        context.Kill.Kill(context.Buffer.Remove(start, context.Buffer.Position - start), before: true);
    }
}
