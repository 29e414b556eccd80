using LpRepl.Terminal.LineEditing;

namespace LpRepl.App.Agent;

/// <summary>Ctrl-C at the agent console: it stops the emulator, as Ctrl-C did before there was a console.</summary>
public sealed class StopCommand : EditCommand
{
    public override void Execute(EditorContext context) => context.Outcome = EditorOutcome.EndOfInput;
}
