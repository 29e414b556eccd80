namespace LpRepl.Session;

/// <summary>What to do with a messaging notification after deduplication.</summary>
public enum DeduplicationOutcome
{
    /// <summary>Nothing in it was seen before: handle the frame as it came.</summary>
    Unchanged,

    /// <summary>Some changes were seen before: handle <see cref="DeduplicationResult.Text"/> instead.</summary>
    Rewritten,

    /// <summary>Every change was seen before: drop the frame.</summary>
    Dropped,
}
