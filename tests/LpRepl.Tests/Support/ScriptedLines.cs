using System.Threading.Channels;
using LpRepl.Repl;

namespace LpRepl.Tests.Support;

/// <summary>A line source a test feeds as it goes, like a person typing; <see cref="End"/> is Ctrl-D.</summary>
public sealed class ScriptedLines : ILineSource
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();

    public ScriptedLines(params string[] lines)
    {
        foreach (var line in lines)
        {
            Push(line);
        }
    }

    public List<string> Prompts { get; } = [];

    public ScriptedLines Push(string line)
    {
        _lines.Writer.TryWrite(line);
        return this;
    }

    public void End() => _lines.Writer.TryWrite(null);

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        lock (Prompts)
        {
            Prompts.Add(prompt);
        }
        return await _lines.Reader.ReadAsync(ct);
    }
}
