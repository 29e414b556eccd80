using System.Diagnostics;

namespace LpRepl.Repl;

/// <summary>One request awaiting its response; <see cref="Own"/> when the session sent it itself (a reconnect's re-subscription).</summary>
public sealed record PendingRequest(string Id, string? Type, long SentAt, bool Own = false)
{
    internal TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(SentAt);
}
