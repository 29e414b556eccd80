namespace LpRepl.Terminal.Rendering;

/// <summary>
/// One screen row of the prompt and the edited text: the part of a prompt on it (drawn bold), the text,
/// the cells both take, and which line of the text (0-based, '\n'-separated) the row belongs to.
/// </summary>
public readonly record struct LayoutRow(int Line, string Prompt, string Text, int Cells);
