using LpRepl.Repl.Completion;
using LpRepl.Terminal;
using LpRepl.Terminal.LineEditing;

namespace LpRepl.Tests.Terminal;

/// <summary>A line editor on a fake terminal, with the write gate it shares with frame output.</summary>
public sealed class EditorHarness
{
    public EditorHarness(int width = 80, History? history = null, ICompleter? completer = null, int height = 24)
    {
        Terminal = new FakeTerminal(width, height);
        Gate = new WriteGate(Terminal);
        History = history ?? new History(file: null);
        Editor = new LineEditor(Terminal, Gate, History, completer, color: false);
    }

    public FakeTerminal Terminal { get; }

    public WriteGate Gate { get; }

    public History History { get; }

    public LineEditor Editor { get; }

    public const string Prompt = "lp> ";

    /// <summary>Types <paramref name="input"/> and returns the line the editor gives back.</summary>
    public async Task<string?> ReadAsync(string input)
    {
        Terminal.Type(input);
        return await Editor.ReadLineAsync(Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts reading, types <paramref name="input"/>, and waits until every key is handled.</summary>
    public async Task<Task<string?>> StartAsync(string input)
    {
        var read = Editor.ReadLineAsync(Prompt, CancellationToken.None);
        Terminal.Type(input);
        await Terminal.WaitIdleAsync();
        // A test that never finishes its line fails instead of hanging the run.
        return read.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public IReadOnlyList<string> Lines => Terminal.Screen.Lines;

    public string LastLine => Terminal.Screen.Lines.Count == 0 ? "" : Terminal.Screen.Lines[^1];
}
