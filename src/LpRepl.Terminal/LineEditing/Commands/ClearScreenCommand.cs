namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-L: clear the screen and draw the prompt and line at the top.</summary>
public sealed class ClearScreenCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.View.ClearScreen();
}
