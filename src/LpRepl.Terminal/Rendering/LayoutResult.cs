namespace LpRepl.Terminal.Rendering;

/// <summary>
/// The cursor cell, and where the terminal's own cursor is after the text is written
/// (<see cref="WrapAtEnd"/>: the text filled its last row, so a CR LF must start the next).
/// </summary>
public readonly record struct LayoutResult(int CursorRow, int CursorColumn, int EndRow, int EndColumn, bool WrapAtEnd);
