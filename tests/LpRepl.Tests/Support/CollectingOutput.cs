using LpRepl.Frames;
using LpRepl.Repl;

namespace LpRepl.Tests.Support;

/// <summary>An <see cref="IReplOutput"/> that records everything and lets a test await a given entry.</summary>
public sealed class CollectingOutput : IReplOutput
{
    private readonly Lock _gate = new();
    private readonly List<OutputEntry> _entries = [];
    private readonly List<(Func<OutputEntry, bool> Match, TaskCompletionSource<OutputEntry> Done)> _waiters = [];

    public IReadOnlyList<OutputEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IEnumerable<string> Errors => Entries.Where(e => e.Kind == "error").Select(e => e.Text);

    public IEnumerable<string> Sent => Entries.Where(e => e.Kind == ">").Select(e => e.Text);

    public IEnumerable<string> Received => Entries.Where(e => e.Kind == "<").Select(e => e.Text);

    public void Frame(FrameDirection direction, string text, string? note = null) =>
        Add(new OutputEntry(direction == FrameDirection.Inbound ? "<" : ">", text, note));

    public void Data(string text) => Add(new OutputEntry("data", text, null));

    public void Info(string text) => Add(new OutputEntry("info", text, null));

    public void Error(string text) => Add(new OutputEntry("error", text, null));

    /// <summary>The first entry (already recorded or still to come) that matches, or a timeout failure.</summary>
    public Task<OutputEntry> WaitForAsync(Func<OutputEntry, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<OutputEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _entries.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }
            _waiters.Add((match, done));
        }
        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    public Task<OutputEntry> WaitForFrameAsync(string contains, TimeSpan? timeout = null) =>
        WaitForAsync(e => e.Kind == "<" && e.Text.Contains(contains, StringComparison.Ordinal), timeout);

    private void Add(OutputEntry entry)
    {
        List<TaskCompletionSource<OutputEntry>> matched = [];
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Done);
            }
        }
        matched.ForEach(m => m.TrySetResult(entry));
    }
}
