using LpRepl.Repl.Completion;

namespace LpRepl.Terminal.LineEditing;

/// <summary>Everything an editing command may read or change.</summary>
public sealed class EditorContext(LineBuffer buffer, HistoryCursor history, KillRing kill, IEditorView view, ICompleter? completer)
{
    public LineBuffer Buffer => buffer;

    public HistoryCursor History => history;

    public KillRing Kill => kill;

    public IEditorView View => view;

    public ICompleter? Completer => completer;

    public EditorOutcome Outcome { get; set; } = EditorOutcome.Continue;

    /// <summary>Start of the buffer line the cursor is on (lines are separated by '\n' in multi-line input).</summary>
    public int LineStart => buffer.Position == 0 ? 0 : buffer.Text.LastIndexOf('\n', buffer.Position - 1) + 1;

    /// <summary>End of the buffer line the cursor is on.</summary>
    public int LineEnd
    {
        get
        {
            var end = buffer.Text.IndexOf('\n', buffer.Position);
            return end < 0 ? buffer.Length : end;
        }
    }
}
