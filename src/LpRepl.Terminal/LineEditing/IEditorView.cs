namespace LpRepl.Terminal.LineEditing;

/// <summary>What commands may do to the screen besides changing the line.</summary>
public interface IEditorView
{
    int Width { get; }

    void Bell();

    /// <summary>Prints a copy of the current prompt and line, then <paramref name="text"/>, above a redrawn prompt (completion lists).</summary>
    void ShowBelowLine(string text);

    void ClearScreen();
}
