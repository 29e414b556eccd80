using System.Text;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

/// <summary>A terminal whose output a test can read back; input lines are queued.</summary>
public sealed class FakeTerminal : ITerminal
{
    private readonly Queue<string?> _input = new();

    public StringBuilder Out { get; } = new();

    public StringBuilder Error { get; } = new();

    public bool InputIsTerminal { get; init; } = true;

    public bool OutputIsTerminal { get; init; } = true;

    public event Action? Interrupted;

    public FakeTerminal Type(string line)
    {
        _input.Enqueue(line);
        return this;
    }

    public Task<string?> ReadLineAsync(CancellationToken ct) => Task.FromResult(_input.Count > 0 ? _input.Dequeue() : null);

    public void Write(string text) => Out.Append(text);

    public void WriteError(string text) => Error.Append(text);

    public void PressCtrlC() => Interrupted?.Invoke();
}
