namespace LpRepl.Session;

/// <summary>A map by request id that forgets its oldest entry past a capacity. Not thread-safe: its owner locks.</summary>
internal sealed class BoundedMap<T>(int capacity)
{
    private readonly OrderedDictionary<string, T> _items = new(StringComparer.Ordinal);

    public void Set(string key, T value)
    {
        if (!_items.ContainsKey(key) && _items.Count >= capacity)
        {
            _items.RemoveAt(0);
        }
        _items[key] = value;
    }

    public bool Remove(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) => _items.Remove(key, out value);

    public bool Contains(string key) => _items.ContainsKey(key);

    public void Clear() => _items.Clear();
}
