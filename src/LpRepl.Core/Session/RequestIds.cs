namespace LpRepl.Session;

/// <summary>
/// The per-session request id counter templates draw from. Ids that raw frames already used are
/// skipped, so a template never reuses an id the server is still answering.
/// </summary>
public sealed class RequestIds
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private long _next = 1;

    /// <summary>The id the next template will get (not yet taken).</summary>
    public long Peek()
    {
        lock (_gate)
        {
            while (_used.Contains(_next.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                _next++;
            }
            return _next;
        }
    }

    /// <summary>Records an id as sent (by a template or a raw frame).</summary>
    public void MarkUsed(string id)
    {
        lock (_gate)
        {
            _used.Add(id);
        }
    }
}
