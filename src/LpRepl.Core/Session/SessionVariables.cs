namespace LpRepl.Session;

/// <summary>
/// The session's named string variables (<c>LP_ACCOUNT</c>, <c>LP_JWT</c>, <c>conversationId</c>, …).
/// Names are case sensitive, as in a shell. Safe to use from the receive loop and the prompt at once.
/// </summary>
public sealed class SessionVariables
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Changes whenever a variable is set or removed, so copies can be cached.</summary>
    public long Version => Interlocked.Read(ref _version);

    public string? this[string name]
    {
        get
        {
            lock (_gate)
            {
                return _values.GetValueOrDefault(name);
            }
        }
    }

    public bool TryGet(string name, out string value)
    {
        lock (_gate)
        {
            if (_values.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }
        }
        value = "";
        return false;
    }

    /// <summary>The value, or null when unset: the shape <see cref="ShellWords"/> looks names up with.</summary>
    public string? TryGetValueOrNull(string name) => this[name];

    public void Set(string name, string value)
    {
        if (!VariableName.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid variable name", nameof(name));
        }
        lock (_gate)
        {
            _values[name] = value;
            _version++;
        }
    }

    public bool Remove(string name)
    {
        lock (_gate)
        {
            _version++;
            return _values.Remove(name);
        }
    }

    /// <summary>Copies every variable into <paramref name="target"/> (unsorted; the per-frame path of templates).</summary>
    public void CopyTo(IDictionary<string, object?> target)
    {
        lock (_gate)
        {
            foreach (var (name, value) in _values)
            {
                target[name] = value;
            }
        }
    }

    /// <summary>A sorted copy, so callers can enumerate while frames keep arriving.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Snapshot()
    {
        lock (_gate)
        {
            return [.. _values.OrderBy(p => p.Key, StringComparer.Ordinal)];
        }
    }
}
