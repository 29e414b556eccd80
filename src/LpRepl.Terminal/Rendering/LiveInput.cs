using System.Text;
using LpRepl.Frames;

namespace LpRepl.Terminal.Rendering;

/// <summary>
/// The prompt and the line being edited, drawn at the bottom of the screen; knows how to erase itself.
/// An input taller than the window is shown through a <see cref="Viewport"/> that follows the cursor,
/// and a list of completions shown with it (<see cref="ShowList"/>) is drawn under it, the window giving up its rows.
/// </summary>
public sealed class LiveInput(Func<int> width, Func<int> height, bool color) : ILiveArea
{
    private string _prompt = "";
    private string _continuation = "";
    private string _text = "";
    private int _cursor;
    private int _cursorRow;
    private int _endRow;
    private int _drawnWidth;
    private int _top;
    // Cells of each row drawn through the viewport (null when the whole input was drawn), to find them after a resize.
    private int[]? _viewportRows;
    private IReadOnlyList<string> _list = [];
    private int _drawnList;

    /// <summary>Sets what the next <see cref="Draw"/> shows.</summary>
    public void Update(string prompt, string continuation, string text, int cursor)
    {
        _prompt = prompt;
        _continuation = continuation;
        _text = text;
        _cursor = cursor;
    }

    /// <summary>Rows drawn under the input from the next <see cref="Draw"/> on, until <see cref="HideList"/>.</summary>
    public void ShowList(IReadOnlyList<string> rows) => _list = rows;

    public void HideList() => _list = [];

    /// <summary>Whether the last <see cref="Draw"/> drew a list, which a redraw now would take away.</summary>
    public bool ListDrawn => _drawnList > 0;

    /// <summary>
    /// Whether a copy of the input and <paramref name="listRows"/> rows printed above it, and the input redrawn
    /// below them, all stay on the screen (as bash lists completions); if not, the list belongs under the input.
    /// </summary>
    public bool ListFitsAbove(int listRows)
    {
        var rows = InputLayout.Compute(_prompt, _continuation, _text, _cursor, width()).EndRow + 1;
        return 2 * rows + listRows <= height();
    }

    // Row by row (ESC [ 2 K), never ESC [ J: erasing down from the top-left cell is taken by tmux and
    // others for a screen clear, which pushes the whole screen into the scrollback at every keystroke
    // whenever the line starts on the top row (after Ctrl-L).
    public string Erase()
    {
        var currentWidth = width();
        var cursorRow = _cursorRow;
        var endRow = _endRow;
        if (currentWidth != _drawnWidth && _drawnWidth > 0 && _viewportRows is { } drawn)
        {
            // Rows drawn one by one end in CR LF: a terminal that re-wraps splits each longer row, and joins none.
            (cursorRow, endRow) = Rewrapped(drawn, _cursorRow, currentWidth);
            endRow = Math.Max(endRow, _endRow);
        }
        else if (currentWidth != _drawnWidth && _drawnWidth > 0)
        {
            // After a resize the terminal has re-wrapped what was drawn: find the cursor's row anew,
            // and clear as many rows as either width takes (a terminal that does not re-wrap keeps the old ones).
            var rewrapped = InputLayout.Compute(_prompt, _continuation, _text, _cursor, currentWidth);
            cursorRow = rewrapped.CursorRow;
            endRow = Math.Max(endRow, rewrapped.EndRow + _drawnList);
        }
        var sb = new StringBuilder("\r");
        if (cursorRow > 0)
        {
            sb.Append($"\u001b[{cursorRow}A");
        }
        if (endRow == 0)
        {
            return sb.Append("\u001b[2K").ToString();
        }
        sb.Append("\u001b7");
        for (var row = 0; row <= endRow; row++)
        {
            sb.Append(row == 0 ? "\u001b[2K" : "\u001b[B\u001b[2K");
        }
        return sb.Append("\u001b8").ToString();
    }

    public string Draw()
    {
        var w = width();
        var layout = InputLayout.Compute(_prompt, _continuation, _text, _cursor, w);
        _drawnWidth = w;
        var list = ListRows(w);
        _drawnList = list.Count;
        if (layout.EndRow + 1 + list.Count > height())
        {
            return DrawViewport(layout, w, list);
        }
        _viewportRows = null;
        _top = 0;
        var sb = new StringBuilder(Whole());
        if (layout.WrapAtEnd)
        {
            sb.Append("\r\n");
        }
        foreach (var row in list)
        {
            sb.Append("\r\n").Append(row.Painted);
        }
        var up = layout.EndRow - layout.CursorRow + list.Count;
        if (up > 0 || layout.CursorColumn != layout.EndColumn)
        {
            sb.Append('\r');
            if (up > 0)
            {
                sb.Append($"\u001b[{up}A");
            }
            if (layout.CursorColumn > 0)
            {
                sb.Append($"\u001b[{layout.CursorColumn}C");
            }
        }
        _cursorRow = layout.CursorRow;
        _endRow = layout.EndRow + list.Count;
        return sb.ToString();
    }

    // The list's rows for this width: each kept short of the last column, and no more than half the window
    // (never leaving the input fewer than three rows), the last saying how many more there are.
    private List<(string Painted, int Cells)> ListRows(int w)
    {
        var room = Math.Min(height() / 2, height() - 3);
        if (_list.Count == 0 || room <= 0)
        {
            return [];
        }
        var shown = _list.Count <= room ? _list : [.. _list.Take(room - 1), $"\u2026 {_list.Count - room + 1} more rows"];
        return [.. shown.Select(row => Marker(row, w, dim: false))];
    }

    // Only the rows around the cursor, each written whole and ended by CR LF (not left to wrap), so that
    // redrawing them never scrolls: the block fits the window, and nothing but new output goes to the scrollback.
    private string DrawViewport(LayoutResult layout, int w, List<(string Painted, int Cells)> list)
    {
        var rows = InputLayout.Rows(_prompt, _continuation, _text, w).ToList();
        if (layout.WrapAtEnd)
        {
            rows.Add(new LayoutRow(rows[^1].Line, "", "", 0));
        }
        var view = Viewport.Follow(rows.Count, layout.CursorRow, height() - list.Count, _top);
        _top = view.Top;
        var sb = new StringBuilder();
        var cells = new List<int>(view.ScreenRows);
        void Row(string painted, int cellCount)
        {
            if (cells.Count > 0)
            {
                sb.Append("\r\n");
            }
            sb.Append(painted);
            cells.Add(cellCount);
        }
        if (view.Above)
        {
            var hidden = rows[view.Top - 1].Line + 1;
            var marker = Marker($"\u2191 {hidden} more {(hidden == 1 ? "line" : "lines")}", w);
            Row(marker.Painted, marker.Cells);
        }
        for (var r = view.Top; r < view.Top + view.Rows; r++)
        {
            Row(Paint(rows[r].Prompt) + rows[r].Text, rows[r].Cells);
        }
        if (view.Below)
        {
            var hidden = rows[^1].Line - rows[view.Top + view.Rows].Line + 1;
            var marker = Marker($"\u2193 {hidden} more {(hidden == 1 ? "line" : "lines")}", w);
            Row(marker.Painted, marker.Cells);
        }
        foreach (var (painted, cellCount) in list)
        {
            Row(painted, cellCount);
        }
        var cursorRow = layout.CursorRow - view.Top + (view.Above ? 1 : 0);
        var up = cells.Count - 1 - cursorRow;
        sb.Append('\r');
        if (up > 0)
        {
            sb.Append($"\u001b[{up}A");
        }
        if (layout.CursorColumn > 0)
        {
            sb.Append($"\u001b[{layout.CursorColumn}C");
        }
        _cursorRow = cursorRow;
        _endRow = cells.Count - 1;
        _viewportRows = [.. cells];
        return sb.ToString();
    }

    private (string Painted, int Cells) Marker(string text, int w, bool dim = true)
    {
        // Kept short of the last column, so that it never wraps (a file name may hold wide characters).
        var shown = new StringBuilder();
        var cells = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var width = CellWidth.Of(rune.Value);
            if (cells + width >= w)
            {
                break;
            }
            shown.Append(rune.ToString());
            cells += width;
        }
        return (color && dim ? Ansi.Dim + shown + Ansi.Reset : shown.ToString(), cells);
    }

    private static (int CursorRow, int EndRow) Rewrapped(int[] cells, int cursorRow, int w)
    {
        var row = 0;
        var cursor = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == cursorRow)
            {
                cursor = row;
            }
            row += Math.Max(1, (cells[i] + w - 1) / w);
        }
        return (cursor, row - 1);
    }

    /// <summary>
    /// Escape text that leaves the cursor on a fresh row below the input, for when the line is done, with
    /// <paramref name="mark"/> (^C) written after its end.
    /// </summary>
    public string Finish(string mark = "")
    {
        if (_viewportRows is not null)
        {
            // What stays in the scrollback is the whole input, not the window over it.
            var erase = Erase();
            _viewportRows = null;
            return erase + Whole() + mark + "\r\n";
        }
        var layout = InputLayout.Compute(_prompt, _continuation, _text, _text.Length, width());
        if (layout.WrapAtEnd && _cursorRow >= layout.EndRow)
        {
            // Already on the fresh row that a text filling its last row leaves below it.
            return mark.Length == 0 ? "\r" : mark + "\r\n";
        }
        var lastTextRow = layout.WrapAtEnd ? layout.EndRow - 1 : layout.EndRow;
        var down = lastTextRow - _cursorRow;
        return (down > 0 ? $"\u001b[{down}B" : "") + mark + "\r\n";
    }

    private string Whole()
    {
        var sb = new StringBuilder(_prompt.Length + _text.Length + 32);
        sb.Append(Paint(_prompt));
        var lines = _text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("\r\n").Append(Paint(_continuation));
            }
            sb.Append(lines[i]);
        }
        return sb.ToString();
    }

    private string Paint(string prompt) => color && prompt.Length > 0 ? Ansi.Bold + prompt + Ansi.Reset : prompt;
}
