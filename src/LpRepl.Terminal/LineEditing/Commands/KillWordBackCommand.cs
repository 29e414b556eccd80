namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-W: cut the blank-delimited word before the cursor.</summary>
public sealed class KillWordBackCommand : EditCommand
{
    public override bool IsKill => true;

    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var start = buffer.BlankWordStartBefore(buffer.Position);
        context.Kill.Kill(buffer.Remove(start, buffer.Position - start), before: true);
    }
}
