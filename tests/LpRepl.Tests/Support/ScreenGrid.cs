using System.Text;
using LpRepl.Terminal.Rendering;

namespace LpRepl.Testing;

/// <summary>
/// The cells behind <see cref="VirtualScreen"/>: rows of cells with scrollback, a cursor with
/// xterm's deferred ("pending") wrap, wide characters taking two cells, and erasing.
/// </summary>
internal sealed class ScreenGrid
{
    // The right half of a wide character; a blank cell is null.
    private const string WideTail = "";

    private readonly int _width;
    private readonly int _height;
    private readonly List<string?[]> _rows = [];
    private int _row;
    private int _column;
    private bool _pendingWrap;
    private (int Row, int Column, bool PendingWrap) _saved;

    public ScreenGrid(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        (_width, _height) = (width, height);
        for (var i = 0; i < height; i++)
        {
            _rows.Add(new string?[width]);
        }
    }

    /// <summary>The cursor on the visible screen, 0-based.</summary>
    public (int Row, int Column) Position => (_row, _column);

    /// <summary>How many rows have scrolled off the top.</summary>
    public int ScrollbackRows => _rows.Count - _height;

    public List<string> Render()
    {
        var lines = _rows.Select(Render).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    public void Print(string grapheme)
    {
        var row = _rows[ScrollbackRows + _row];
        var width = Math.Min(CellWidth.Of(grapheme), _width);
        if (width == 0)
        {
            // A combining mark joins the character before it; with nothing before it, it is dropped.
            var target = _pendingWrap ? _column : _column - 1;
            target -= target > 0 && row[target] == WideTail ? 1 : 0;
            if (target >= 0)
            {
                row[target] = (row[target] ?? " ") + grapheme;
            }
            return;
        }
        // Deferred wrap, and a wide character that does not fit in what is left of the row.
        if (_pendingWrap || _column + width > _width)
        {
            NewLine();
            row = _rows[ScrollbackRows + _row];
        }
        for (var i = 0; i < width; i++)
        {
            Blank(row, _column + i);
        }
        row[_column] = grapheme;
        if (width == 2)
        {
            row[_column + 1] = WideTail;
        }
        _column += width;
        if (_column >= _width)
        {
            _column = _width - 1;
            _pendingWrap = true;
        }
    }

    /// <summary>Moves the cursor, clamped to the visible screen; this cancels a pending wrap.</summary>
    public void MoveTo(int row, int column)
    {
        _row = Math.Clamp(row, 0, _height - 1);
        _column = Math.Clamp(column, 0, _width - 1);
        _pendingWrap = false;
    }

    /// <summary>Carriage return and line feed, scrolling the top row into the scrollback at the bottom.</summary>
    public void NewLine()
    {
        MoveTo(_row, 0);
        if (_row < _height - 1)
        {
            _row++;
        }
        else
        {
            _rows.Add(new string?[_width]);
        }
    }

    public void SaveCursor() => _saved = (_row, _column, _pendingWrap);

    public void RestoreCursor() => (_row, _column, _pendingWrap) = _saved;

    /// <summary>0: cursor to end of screen, 1: start of screen to cursor, 2: the whole screen.</summary>
    public void EraseDisplay(int mode)
    {
        for (var r = 0; r < _height; r++)
        {
            if (r == _row)
            {
                EraseLine(r, mode);
            }
            else if (mode == 2 || (mode == 0 && r > _row) || (mode == 1 && r < _row))
            {
                EraseLine(r, 2);
            }
        }
    }

    /// <summary>0: cursor to end of row, 1: start of row to cursor, 2: the whole row.</summary>
    public void EraseLine(int mode) => EraseLine(_row, mode);

    // Like xterm, erasing cancels a pending wrap: the next character lands on the last column.
    private void EraseLine(int rowIndex, int mode)
    {
        var row = _rows[ScrollbackRows + rowIndex];
        var (from, to) = mode switch { 1 => (0, _column), 2 => (0, _width - 1), _ => (_column, _width - 1) };
        for (var c = from; c <= to; c++)
        {
            Blank(row, c);
        }
        _pendingWrap = false;
    }

    // Blanks a cell, and the other half of a wide character it belonged to.
    private void Blank(string?[] row, int column)
    {
        if (row[column] == WideTail && column > 0)
        {
            row[column - 1] = null;
        }
        else if (column + 1 < _width && row[column + 1] == WideTail)
        {
            row[column + 1] = null;
        }
        row[column] = null;
    }

    private static string Render(string?[] row)
    {
        var line = new StringBuilder();
        foreach (var cell in row)
        {
            line.Append(cell ?? " ");
        }
        return line.ToString().TrimEnd(' ');
    }
}
