namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>Lines a process printed, in order, with a way to await one that matches.</summary>
public sealed class LineLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Done);
            }
        }
        matched.ForEach(m => m.TrySetResult(line));
    }

    /// <summary>The first line, already printed or still to come, that matches.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _lines.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }
            _waiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no line with {what} within {timeout.TotalSeconds:0} s; got:\n{this}");
        }
    }

    public Task<string> WaitForAsync(string contains, TimeSpan timeout) =>
        WaitForAsync(l => l.Contains(contains, StringComparison.Ordinal), timeout, $"'{contains}'");

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join("\n", _lines);
        }
    }
}
