namespace LpRepl.Repl;

/// <summary>
/// A line source whose first line was asked for ahead, before the session existed (the prompt drawn while the
/// emulator starts): that read is its first line, then the source goes on as itself.
/// </summary>
public sealed class AheadLineSource(Task<string?> first, ILineSource rest) : ILineSource
{
    private Task<string?>? _first = first;
    private int _interrupted;

    /// <summary>
    /// Ctrl-C before the session took the first line: a line already entered is not run (true then), as Ctrl-C stops
    /// a running line. Before Enter, the editor itself takes the Ctrl-C.
    /// </summary>
    public bool Interrupt() =>
        Volatile.Read(ref _first) is { IsCompletedSuccessfully: true, Result: not null } && Interlocked.Exchange(ref _interrupted, 1) == 0;

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _first, null) is { } pending)
        {
            var line = await pending.WaitAsync(ct);
            return Volatile.Read(ref _interrupted) == 1 && line is not null ? "" : line;
        }
        return await rest.ReadLineAsync(prompt, ct);
    }
}
