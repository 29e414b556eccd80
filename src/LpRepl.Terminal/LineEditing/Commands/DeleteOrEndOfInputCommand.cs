namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>Ctrl-D: on an empty line, end of input (leave); otherwise delete the character under the cursor.</summary>
public sealed class DeleteOrEndOfInputCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        if (context.Buffer.IsEmpty)
        {
            context.Outcome = EditorOutcome.EndOfInput;
            return;
        }
        new DeleteCommand().Execute(context);
    }
}
