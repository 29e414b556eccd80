using LpRepl.Repl;

namespace LpRepl.Tests.Support;

/// <summary>A line source that never ends (like <c>yes '{' | lprepl run -</c>), counting what was read.</summary>
public sealed class EndlessLines(string line) : ILineSource
{
    public long Read { get; private set; }

    public Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        Read++;
        return Task.FromResult<string?>(line);
    }
}
