namespace LpRepl.Session;

/// <summary>
/// The sequences seen in one dialog, as sorted disjoint ranges. Sequences are dense from 0, so a
/// dialog seen in order is one range (a contiguous high-water mark) and each gap adds one: memory
/// grows with the gaps, not with the events. Past <see cref="MaxRanges"/> the lowest range is
/// forgotten, so a pathological server may get old events shown again; an unseen one is never hidden.
/// Not thread-safe: its owner locks.
/// </summary>
internal sealed class SequenceRanges
{
    public const int MaxRanges = 64;

    // Each range is [Lo, Hi]; ranges neither overlap nor touch (Hi + 1 < next Lo).
    private readonly List<(long Lo, long Hi)> _ranges = [];

    public int RangeCount => _ranges.Count;

    /// <summary>Notes <paramref name="sequence"/> as seen; false when it was seen before.</summary>
    public bool Add(long sequence)
    {
        // The index of the first range that starts after the sequence.
        var after = UpperBound(sequence);
        var before = after - 1;
        if (before >= 0 && _ranges[before].Hi >= sequence)
        {
            return false;
        }
        var joinsBefore = before >= 0 && _ranges[before].Hi == sequence - 1;
        var joinsAfter = after < _ranges.Count && _ranges[after].Lo == sequence + 1;
        if (joinsBefore && joinsAfter)
        {
            _ranges[before] = (_ranges[before].Lo, _ranges[after].Hi);
            _ranges.RemoveAt(after);
        }
        else if (joinsBefore)
        {
            _ranges[before] = (_ranges[before].Lo, sequence);
        }
        else if (joinsAfter)
        {
            _ranges[after] = (sequence, _ranges[after].Hi);
        }
        else
        {
            _ranges.Insert(after, (sequence, sequence));
            if (_ranges.Count > MaxRanges)
            {
                _ranges.RemoveAt(0);
            }
        }
        return true;
    }

    public bool Contains(long sequence)
    {
        var before = UpperBound(sequence) - 1;
        return before >= 0 && _ranges[before].Hi >= sequence;
    }

    private int UpperBound(long sequence)
    {
        var (lo, hi) = (0, _ranges.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_ranges[mid].Lo <= sequence)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
