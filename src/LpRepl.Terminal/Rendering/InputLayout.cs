using System.Text;

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

    /// <summary>
    /// The same layout row by row, for drawing part of an input taller than the window: row i here is row i
    /// of <see cref="Compute"/>. A cursor after a text that fills its last row has one row more (<see cref="LayoutResult.WrapAtEnd"/>).
    /// </summary>
    public static IReadOnlyList<LayoutRow> Rows(string prompt, string continuation, string text, int width)
    {
        width = Math.Max(1, width);
        var rows = new List<LayoutRow>();
        var lines = text.Split('\n');
        var lead = new StringBuilder();
        var body = new StringBuilder();
        for (var line = 0; line < lines.Length; line++)
        {
            var col = 0;
            void Flush()
            {
                rows.Add(new LayoutRow(line, lead.ToString(), body.ToString(), col));
                lead.Clear();
                body.Clear();
                col = 0;
            }
            foreach (var (part, target) in new[] { (line == 0 ? prompt : continuation, lead), (lines[line], body) })
            {
                for (var i = 0; i < part.Length; i++)
                {
                    var length = char.IsHighSurrogate(part[i]) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]) ? 2 : 1;
                    var cell = part.Substring(i, length);
                    var w = CellWidth.Of(cell);
                    if (w > 0 && col + w > width)
                    {
                        Flush();
                    }
                    target.Append(cell);
                    col += w;
                    i += length - 1;
                }
            }
            Flush();
        }
        return rows;
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
