using LpRepl.Frames;

namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>
/// Enter: run the line — unless it opens a JSON value whose brackets do not balance yet; then
/// a new line starts (with the continuation prompt) and the frame goes on.
/// </summary>
public sealed class SubmitCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var text = context.Buffer.Text;
        if (JsonBalance.StartsFrame(text) && !JsonBalance.IsComplete(text))
        {
            context.Buffer.MoveTo(context.Buffer.Length);
            context.Buffer.Insert("\n");
            return;
        }
        context.Outcome = EditorOutcome.Submit;
    }
}
