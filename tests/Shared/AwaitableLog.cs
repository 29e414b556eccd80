namespace LpRepl.Testing;

/// <summary>
/// Items recorded in order (frames, printed lines), with a way to await the first one that
/// matches — already recorded or still to come — instead of sleeping and counting.
/// </summary>
public sealed class AwaitableLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> matched = [];
        lock (_gate)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Done);
            }
        }
        matched.ForEach(m => m.TrySetResult(item));
    }

    /// <summary>The first matching item; on timeout, an error that names what was awaited and shows what came.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (match(item))
                {
                    return item;
                }
            }
            _waiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"nothing matching {what} within {timeout.TotalSeconds:0} s; got:\n{this}");
        }
    }

    public override string ToString() => string.Join("\n", Items);
}
