using System.Text;

namespace LpRepl.Testing;

/// <summary>
/// A minimal xterm-like terminal for tests: it interprets what a program writes (text, CR/LF,
/// backspace, tab, bell, cursor movement, erase sequences, deferred wrap, wide characters) so a
/// test can assert exactly what a person would see. Rows scrolled off the top are kept as
/// scrollback; SGR, private modes, OSC strings and other CSI sequences are ignored.
/// </summary>
public sealed class VirtualScreen
{
    private const char Esc = '\u001b';

    private readonly ScreenGrid _grid;
    private readonly StringBuilder _sequence = new();
    private char _highSurrogate;

    public VirtualScreen(int width, int height) => _grid = new ScreenGrid(width, height);

    /// <summary>Scrollback then the visible rows, trailing spaces and trailing empty rows trimmed.</summary>
    public IReadOnlyList<string> Lines => _grid.Render();

    /// <summary><see cref="Lines"/> joined by "\n".</summary>
    public string Text => string.Join("\n", Lines);

    /// <summary>Rows scrolled off the top so far: what a terminal keeps in its scrollback.</summary>
    public int ScrollbackRows => _grid.ScrollbackRows;

    /// <summary>The cursor, 0-based, its row counted from the top of the scrollback like <see cref="Lines"/>.</summary>
    public (int Row, int Column) Cursor => (_grid.ScrollbackRows + _grid.Position.Row, _grid.Position.Column);

    /// <summary>
    /// How many times the whole screen was erased (ESC [ 2 J, or ESC [ J with the cursor at the top left):
    /// tmux and others take each as a screen clear and push the screen into the scrollback.
    /// </summary>
    public int ScreenClears { get; private set; }

    /// <summary>How many times the bell (BEL) was written.</summary>
    public int Bells { get; private set; }

    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (_sequence.Length > 0)
            {
                Sequence(c);
            }
            else if (_highSurrogate != '\0')
            {
                // Output may be split anywhere, even inside a surrogate pair.
                var high = _highSurrogate;
                _highSurrogate = '\0';
                _grid.Print(char.IsLowSurrogate(c) ? new string([high, c]) : "\uFFFD");
            }
            else if (char.IsHighSurrogate(c))
            {
                _highSurrogate = c;
            }
            else if (c < ' ' || c == '\u007f')
            {
                Control(c);
            }
            else
            {
                _grid.Print(c.ToString());
            }
        }
    }

    private void Control(char c)
    {
        var (row, column) = _grid.Position;
        switch (c)
        {
            case Esc:
                _sequence.Append(c);
                break;
            case '\n':
                // The tty's output processing (onlcr) turns \n into \r\n.
                _grid.NewLine();
                break;
            case '\r':
                _grid.MoveTo(row, 0);
                break;
            case '\b':
                _grid.MoveTo(row, column - 1);
                break;
            case '\t':
                _grid.MoveTo(row, (column / 8 + 1) * 8);
                break;
            case '\a':
                Bells++;
                break;
        }
    }

    private void Sequence(char c)
    {
        _sequence.Append(c);
        if (_sequence.Length == 2 && c is '[' or ']')
        {
            return;
        }
        if (_sequence.Length == 2)
        {
            // ESC 7 / ESC 8 save and restore the cursor; other two-character escapes are ignored.
            if (c == '7')
            {
                _grid.SaveCursor();
            }
            else if (c == '8')
            {
                _grid.RestoreCursor();
            }
        }
        else if (_sequence[1] == '[' && c is >= '@' and <= '~')
        {
            Csi(_sequence.ToString(2, _sequence.Length - 3), c);
        }
        else if (!(_sequence[1] == ']' && (c == '\a' || (c == '\\' && _sequence[^2] == Esc))))
        {
            // CSI parameters, or an OSC string (window title) up to BEL or ESC \, still to come.
            return;
        }
        _sequence.Clear();
    }

    private void Csi(string parameters, char final)
    {
        if (parameters.Length > 0 && parameters[0] is '?' or '>' or '<' or '=')
        {
            // Private modes (bracketed paste, cursor visibility, ...) do not change what is shown.
            return;
        }
        var values = parameters.Split(';').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        var mode = values[0];
        var count = Math.Max(1, mode);
        var (row, column) = _grid.Position;
        switch (final)
        {
            case 'A':
                _grid.MoveTo(row - count, column);
                break;
            case 'B':
                _grid.MoveTo(row + count, column);
                break;
            case 'C':
                _grid.MoveTo(row, column + count);
                break;
            case 'D':
                _grid.MoveTo(row, column - count);
                break;
            case 'G':
                _grid.MoveTo(row, count - 1);
                break;
            case 'H':
                _grid.MoveTo(count - 1, Math.Max(1, values.ElementAtOrDefault(1)) - 1);
                break;
            case 'J' when mode <= 2:
                ScreenClears += mode == 2 || (mode == 0 && row == 0 && column == 0) ? 1 : 0;
                _grid.EraseDisplay(mode);
                break;
            case 'K' when mode <= 2:
                _grid.EraseLine(mode);
                break;
        }
    }
}
