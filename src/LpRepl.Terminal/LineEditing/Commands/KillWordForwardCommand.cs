namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Alt-D: cut from the cursor to the end of the word.</summary>
public sealed class KillWordForwardCommand : EditCommand
{
    public override bool IsKill => true;

    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var end = buffer.WordEndAfter(buffer.Position);
        context.Kill.Kill(buffer.Remove(buffer.Position, end - buffer.Position), before: false);
    }
}
