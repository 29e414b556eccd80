namespace LpRepl.Terminal.Rendering;

/// <summary>
/// Where the prompt and the edited text land on a terminal of a given width: rows, wrapping
/// (including wide characters that do not fit at the end of a row), and the cursor cell.
/// The model follows xterm's deferred wrap, so it agrees with what the terminal does.
/// </summary>
public static class InputLayout
{
    public static LayoutResult Compute(string prompt, string continuation, string text, int cursor, int width)
    {
        width = Math.Max(1, width);
        var row = 0;
        var col = 0;
        (int Row, int Col)? cursorCell = null;
        Place(prompt, ref row, ref col, width);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (i == cursor)
                {
                    cursorCell = (row, Math.Min(col, width - 1));
                }
                row++;
                col = 0;
                Place(continuation, ref row, ref col, width);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var w = CellWidth.Of(text.Substring(i, length));
            if (w > 0 && col + w > width)
            {
                row++;
                col = 0;
            }
            if (i == cursor)
            {
                cursorCell = (row, col);
            }
            col += w;
            i += length - 1;
        }
        var wrapAtEnd = false;
        if (cursorCell is null)
        {
            // The cursor is after the last character: if that filled the row, the cursor starts the next one.
            wrapAtEnd = col >= width;
            cursorCell = wrapAtEnd ? (row + 1, 0) : (row, col);
        }
        return new LayoutResult(cursorCell.Value.Row, cursorCell.Value.Col, wrapAtEnd ? row + 1 : row, wrapAtEnd ? 0 : Math.Min(col, width - 1), wrapAtEnd);
    }

    private static void Place(string s, ref int row, ref int col, int width)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var length = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            var w = CellWidth.Of(s.Substring(i, length));
            if (w > 0 && col + w > width)
            {
                row++;
                col = 0;
            }
            col += w;
            i += length - 1;
        }
    }
}
