namespace LpRepl.Repl;

/// <summary>Where input lines come from: the line editor, a script file, or a test.</summary>
public interface ILineSource
{
    /// <summary>The next line without its newline, or null at the end of input (Ctrl-D).</summary>
    Task<string?> ReadLineAsync(string prompt, CancellationToken ct);
}
