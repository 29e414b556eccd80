using LpRepl.Testing;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>Lines a process printed, in order, with a way to await one that matches.</summary>
public sealed class LineLog
{
    private readonly AwaitableLog<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.Items;

    public void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Add(line);
        }
    }

    public Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout, string what) => _lines.WaitForAsync(match, timeout, what);

    public Task<string> WaitForAsync(string contains, TimeSpan timeout) =>
        _lines.WaitForAsync(l => l.Contains(contains, StringComparison.Ordinal), timeout, $"'{contains}'");

    public override string ToString() => _lines.ToString();
}
