using System.Diagnostics;

namespace LpRepl.Repl;

/// <summary>One request awaiting its response.</summary>
public sealed record PendingRequest(string Id, string? Type, long SentAt)
{
    internal TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(SentAt);
}
