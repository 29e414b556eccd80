using System.Diagnostics;

namespace LpRepl.Repl;

/// <summary>
/// One request awaiting its response; <see cref="Own"/> when the session sent it itself (a reconnect's re-subscription).
/// <see cref="Line"/> is the script line that sent it (0 at the prompt): a pipelined script reports a failure there.
/// </summary>
public sealed record PendingRequest(string Id, string? Type, long SentAt, bool Own = false, int Line = 0)
{
    internal TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(SentAt);

    // While the send is under way, a drop cannot tell whether the frame left: the sender decides when it returns.
    internal Lock Gate { get; } = new();

    internal bool Sending { get; set; } = true;

    internal bool Abandoned { get; set; }
}
