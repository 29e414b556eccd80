namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-K: cut from the cursor to the end of the line.</summary>
public sealed class KillToEndCommand : EditCommand
{
    public override bool IsKill => true;

    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        context.Kill.Kill(buffer.Remove(buffer.Position, context.LineEnd - buffer.Position), before: false);
    }
}
