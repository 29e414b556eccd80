namespace LpRepl.Protocol;

/// <summary>The known name nearest to a mistyped one (Levenshtein distance, case ignored), if near enough to be a likely typo.</summary>
public static class Spelling
{
    /// <summary>
    /// The candidate nearest to <paramref name="typed"/> within about one edit in three characters, and never
    /// further than <paramref name="atLeast"/> edits would allow for short words.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates, int atLeast = 2)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // Beyond this a "suggestion" would be noise: about one edit in three characters.
        var limit = Math.Max(atLeast, typed.Length / 3);
        foreach (var candidate in candidates)
        {
            // The lengths alone rule it out: a key of a megabyte sent to the emulator costs nothing to dismiss.
            if (Math.Abs(typed.Length - candidate.Length) > limit)
            {
                continue;
            }
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
