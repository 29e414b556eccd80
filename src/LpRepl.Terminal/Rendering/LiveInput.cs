using System.Text;
using LpRepl.Frames;

namespace LpRepl.Terminal.Rendering;

/// <summary>The prompt and the line being edited, drawn at the bottom of the screen; knows how to erase itself.</summary>
public sealed class LiveInput(Func<int> width, bool color) : ILiveArea
{
    private string _prompt = "";
    private string _continuation = "";
    private string _text = "";
    private int _cursor;
    private int _cursorRow;
    private int _endRow;
    private int _drawnWidth;

    /// <summary>Sets what the next <see cref="Draw"/> shows.</summary>
    public void Update(string prompt, string continuation, string text, int cursor)
    {
        _prompt = prompt;
        _continuation = continuation;
        _text = text;
        _cursor = cursor;
    }

    // Row by row (ESC [ 2 K), never ESC [ J: erasing down from the top-left cell is taken by tmux and
    // others for a screen clear, which pushes the whole screen into the scrollback at every keystroke
    // whenever the line starts on the top row (after Ctrl-L).
    public string Erase()
    {
        var currentWidth = width();
        var cursorRow = _cursorRow;
        var endRow = _endRow;
        if (currentWidth != _drawnWidth && _drawnWidth > 0)
        {
            // After a resize the terminal has re-wrapped what was drawn: find the cursor's row anew,
            // and clear as many rows as either width takes (a terminal that does not re-wrap keeps the old ones).
            var rewrapped = InputLayout.Compute(_prompt, _continuation, _text, _cursor, currentWidth);
            cursorRow = rewrapped.CursorRow;
            endRow = Math.Max(endRow, rewrapped.EndRow);
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
        if (layout.WrapAtEnd)
        {
            sb.Append("\r\n");
        }
        var up = layout.EndRow - layout.CursorRow;
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
        _endRow = layout.EndRow;
        _drawnWidth = w;
        return sb.ToString();
    }

    /// <summary>Escape text that leaves the cursor on a fresh row below the input, for when the line is done.</summary>
    public string Finish()
    {
        var layout = InputLayout.Compute(_prompt, _continuation, _text, _text.Length, width());
        if (layout.WrapAtEnd && _cursorRow >= layout.EndRow)
        {
            // Already on the fresh row that a text filling its last row leaves below it.
            return "\r";
        }
        var lastTextRow = layout.WrapAtEnd ? layout.EndRow - 1 : layout.EndRow;
        var down = lastTextRow - _cursorRow;
        return (down > 0 ? $"\u001b[{down}B" : "") + "\r\n";
    }

    private string Paint(string prompt) => color && prompt.Length > 0 ? Ansi.Bold + prompt + Ansi.Reset : prompt;
}
