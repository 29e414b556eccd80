using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Testing;

namespace LpRepl.Tests.Support;

/// <summary>An <see cref="IReplOutput"/> that records everything and lets a test await a given entry.</summary>
public sealed class CollectingOutput : IReplOutput
{
    private readonly AwaitableLog<OutputEntry> _entries = new();

    public IReadOnlyList<OutputEntry> Entries => _entries.Items;

    public IEnumerable<string> Errors => Entries.Where(e => e.Kind == "error").Select(e => e.Text);

    public IEnumerable<string> Warnings => Entries.Where(e => e.Kind == "warning").Select(e => e.Text);

    public IEnumerable<string> Sent => Entries.Where(e => e.Kind == ">").Select(e => e.Text);

    public IEnumerable<string> Received => Entries.Where(e => e.Kind == "<").Select(e => e.Text);

    public void Frame(FrameDirection direction, string text, string? note = null, FrameTag? tag = null) =>
        _entries.Add(new OutputEntry(direction == FrameDirection.Inbound ? "<" : ">", text, note));

    public void Data(string text) => _entries.Add(new OutputEntry("data", text, null));

    public void Info(string text) => _entries.Add(new OutputEntry("info", text, null));

    public void Error(string text) => _entries.Add(new OutputEntry("error", text, null));

    public void Warning(string text) => _entries.Add(new OutputEntry("warning", text, null));

    public Task<OutputEntry> WaitForAsync(Func<OutputEntry, bool> match, TimeSpan? timeout = null) =>
        _entries.WaitForAsync(match, timeout ?? TimeSpan.FromSeconds(10), "the expected output");

    public Task<OutputEntry> WaitForFrameAsync(string contains, TimeSpan? timeout = null) =>
        _entries.WaitForAsync(e => e.Kind == "<" && e.Text.Contains(contains, StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(10), $"a received frame with '{contains}'");
}
