namespace LpRepl.Repl;

/// <summary>Lines held in memory (a transcript turned into a script).</summary>
public sealed class ListLineSource(IReadOnlyList<string> lines) : ILineSource
{
    private int _next;

    public Task<string?> ReadLineAsync(string prompt, CancellationToken ct) =>
        Task.FromResult(_next < lines.Count ? lines[_next++] : null);
}
