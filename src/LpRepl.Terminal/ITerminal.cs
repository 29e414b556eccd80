namespace LpRepl.Terminal;

/// <summary>
/// The one seam between LpRepl and the process's console: input lines, the two output streams,
/// and whether each is a terminal. Tests substitute a fake; only <see cref="SystemTerminal"/> touches <c>System.Console</c>.
/// </summary>
public interface ITerminal
{
    bool InputIsTerminal { get; }

    bool OutputIsTerminal { get; }

    /// <summary>The next input line, or null at the end of input.</summary>
    Task<string?> ReadLineAsync(CancellationToken ct);

    /// <summary>Writes to standard output, unchanged.</summary>
    void Write(string text);

    /// <summary>Writes to standard error, unchanged.</summary>
    void WriteError(string text);

    /// <summary>Raised when the user presses Ctrl-C; the handler decides what it means.</summary>
    event Action? Interrupted;
}
