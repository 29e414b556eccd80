using LpRepl.Terminal.Input;

namespace LpRepl.Terminal;

/// <summary>
/// The one seam between LpRepl and the process's console: keys or lines in, the two output
/// streams out, the width, and whether each side is a terminal. Tests substitute a fake; only
/// <see cref="SystemTerminal"/> touches <c>System.Console</c>.
/// </summary>
public interface ITerminal
{
    bool InputIsTerminal { get; }

    bool OutputIsTerminal { get; }

    /// <summary>Standard error is a terminal: with stdout sent to a file, the prompt and the line being edited are drawn there.</summary>
    bool ErrorIsTerminal { get; }

    /// <summary>Columns of the terminal (80 when unknown).</summary>
    int Width { get; }

    /// <summary>Rows of the terminal (24 when unknown): an input taller than this is edited through a window over it.</summary>
    int Height { get; }

    /// <summary>Raised when the terminal window changes size.</summary>
    event Action? Resized;

    /// <summary>Raised on Ctrl-C outside raw mode (in raw mode Ctrl-C is a key).</summary>
    event Action? Interrupted;

    /// <summary>The next input line, or null at the end of input (plain mode).</summary>
    Task<string?> ReadLineAsync(CancellationToken ct);

    /// <summary>Switches the terminal to key-by-key input with bracketed paste until disposed.</summary>
    IDisposable EnterRawMode();

    /// <summary>The next key in raw mode, or null when input has ended.</summary>
    ValueTask<KeyPress?> ReadKeyAsync(CancellationToken ct);

    /// <summary>Writes to standard output, unchanged.</summary>
    void Write(string text);

    /// <summary>Writes to standard error, unchanged.</summary>
    void WriteError(string text);
}
