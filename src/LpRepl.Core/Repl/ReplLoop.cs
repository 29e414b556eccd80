using LpRepl.Frames;

namespace LpRepl.Repl;

/// <summary>
/// Read, run, repeat. Interactive: an error is printed and the loop goes on. Script: lines run in
/// lockstep with the server (each waits for the answers to the requests before it), and the
/// first failure stops the run with <c>SOURCE:LINE: what failed</c>.
/// </summary>
public sealed class ReplLoop(ReplSession session, ILineSource lines, ReplMode mode, string sourceName = "-")
{
    public const string ContinuationPrompt = "... ";

    /// <summary>How long a script waits for the server to answer a request before failing.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    private readonly Lock _lineGate = new();
    private CancellationTokenSource? _line;

    /// <summary>False for <c>run FILE</c> inside a session: the script leaves the socket to the session.</summary>
    public bool CloseAtEnd { get; init; } = true;

    // Where the loop is, for the message when it is interrupted.
    private int _lineNumber;
    private bool _running;
    private readonly ScriptRefusals _refusals = new();
    // Whether the line before streamed: the first line that streams after one that did not begins a burst.
    private bool _streamed;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        int exitCode;
        if (mode == ReplMode.Script)
        {
            // What an earlier, interactive part of the session left unanswered is not this script's failure,
            // and what it received satisfies none of this script's waits.
            session.Pending.TakeAbandoned();
            session.Pending.TakeRefused();
            session.BeginWaitWindow();
            _linkEndAtStart = session.LastLinkEnd;
        }
        var wasInScript = session.InScript;
        var outerLine = session.SourceLine;
        session.InScript = mode == ReplMode.Script;
        try
        {
            exitCode = await RunLinesAsync(ct);
        }
        catch (OperationCanceledException) when (mode == ReplMode.Script && ct.IsCancellationRequested)
        {
            // Ctrl-C or SIGINT: the rest never ran, so this is no success (130, as shells say).
            var where = _lineNumber == 0 ? $"{sourceName}: interrupted before its first line"
                : _running ? $"{sourceName}:{_lineNumber}: interrupted while this line ran; nothing after it ran"
                : $"{sourceName}:{_lineNumber}: interrupted after this line; nothing after it ran";
            session.Output.Error(where);
            exitCode = ExitCodes.Interrupted;
        }
        finally
        {
            session.InScript = wasInScript;
            session.SourceLine = outerLine;
            if (mode == ReplMode.Script)
            {
                // The burst was this script's: a wait typed after it keeps to its own window.
                session.BurstStart = null;
            }
        }
        if (CloseAtEnd && (session.Transport.IsOpen || session.Supervisor.State != Reconnection.LinkState.Offline))
        {
            await session.DisconnectAsync(CancellationToken.None);
        }
        return exitCode;
    }

    private async Task<int> RunLinesAsync(CancellationToken ct)
    {
        var lineNumber = 0;
        var exitCode = ExitCodes.Ok;
        while (true)
        {
            if (ct.IsCancellationRequested)
            {
                // Between lines a script must not end as if it had finished.
                if (mode == ReplMode.Script)
                {
                    ct.ThrowIfCancellationRequested();
                }
                break;
            }
            var line = await lines.ReadLineAsync(session.Prompt, ct);
            if (line is null)
            {
                break;
            }
            lineNumber++;
            var startLine = lineNumber;
            var input = line;
            LineResult? failure = null;
            // A line that opens a JSON value goes on until its brackets balance (scanning each line once).
            if (JsonBalance.StartsFrame(line))
            {
                var frame = new JsonFrameAccumulator(line, IO.InputLimits.FrameCharacters);
                // A script stops reading at the cap (a pipe of endless "{" lines must end); at the prompt the frame is
                // read to its end so none of its lines runs as a command.
                while (!frame.IsComplete && !(frame.TooLong && mode == ReplMode.Script)
                    && await lines.ReadLineAsync(ContinuationPrompt, ct) is { } more)
                {
                    lineNumber++;
                    frame.AppendLine(more);
                }
                input = frame.TooLong ? "" : frame.Text;
                if (frame.TooLong)
                {
                    // Its lines are all read (so none runs as a command), but none of it is sent.
                    failure = LineResult.Fail(
                        $"a frame of {(frame.IsComplete ? "" : "at least ")}{frame.Length} characters over lines {startLine}-{lineNumber} is longer than {IO.InputLimits.Describe(IO.InputLimits.FrameCharacters)}; nothing was sent");
                }
            }
            // Pipelined, a frame line streams; any other line first waits for every answer, since it may read what they set.
            var streams = mode == ReplMode.Script && session.Pipeline && failure is null && !IsBlank(input)
                && session.Pending.Capturing == 0 && session.SendsOnly(input);
            if (mode == ReplMode.Script && session.Pipeline && !IsBlank(input) && !await JoinAsync(streams, startLine, ct))
            {
                exitCode = ExitCodes.ScriptFailed;
                break;
            }
            // A refusal the previous line got is settled only by a wait; any other line does not run after it.
            if (mode == ReplMode.Script && !IsBlank(input) && !IsWait(input) && !Check())
            {
                exitCode = ExitCodes.ScriptFailed;
                break;
            }
            // A link that went down for good while the script ran (a refused token, given up) ends it: what follows needed it.
            if (mode == ReplMode.Script && !IsBlank(input) && LinkLost(startLine - 1) is { } lost)
            {
                exitCode = lost;
                break;
            }
            (_lineNumber, _running) = (startLine, true);
            if (mode == ReplMode.Script)
            {
                session.SourceLine = startLine;
                if (streams && !_streamed)
                {
                    session.BurstStart = session.Inbound.End;
                }
                _streamed = streams || (_streamed && IsBlank(input));
            }
            var result = failure ?? await ExecuteLineAsync(input, ct);
            if (result.Outcome == LineOutcome.Exit)
            {
                break;
            }
            if (result.Outcome == LineOutcome.Failed)
            {
                // A line that gave up because of the interrupt is reported as interrupted, not as its own failure.
                if (mode == ReplMode.Script)
                {
                    ct.ThrowIfCancellationRequested();
                }
                Report(startLine, result.Error!);
                if (mode == ReplMode.Script)
                {
                    exitCode = result.ExitCode ?? ExitCodes.ScriptFailed;
                    break;
                }
                continue;
            }
            if (mode == ReplMode.Script && !(streams ? await WindowAsync(ct) : await AllAnsweredAsync(startLine, ct)))
            {
                exitCode = ExitCodes.ScriptFailed;
                break;
            }
            if (mode == ReplMode.Script && !IsBlank(input) && !Settle(startLine))
            {
                exitCode = ExitCodes.ScriptFailed;
                break;
            }
            _running = false;
        }
        if (mode == ReplMode.Script && exitCode == ExitCodes.Ok && (!await AllAnsweredAsync(lineNumber, ct) || !SettleAtEnd(lineNumber)))
        {
            exitCode = ExitCodes.ScriptFailed;
        }
        if (mode == ReplMode.Script && exitCode == ExitCodes.Ok)
        {
            // A drop the last lines caused is settled first (back, or down for good), so the exit code tells which.
            await session.Supervisor.WhenSettledAsync(ReplSession.ScriptLinkWait, ct);
        }
        if (mode == ReplMode.Script && exitCode == ExitCodes.Ok && LinkLost(lineNumber) is { } downForGood)
        {
            exitCode = downForGood;
        }
        return exitCode;
    }

    /// <summary>Ctrl-C while a line runs: stops that line (a wait, a sleep, a command), not the REPL.</summary>
    public void CancelCurrentLine()
    {
        lock (_lineGate)
        {
            _line?.Cancel();
        }
    }

    private async Task<LineResult> ExecuteLineAsync(string input, CancellationToken ct)
    {
        using var line = CancellationTokenSource.CreateLinkedTokenSource(ct);
        lock (_lineGate)
        {
            _line = line;
        }
        try
        {
            return await session.ExecuteAsync(input, line.Token);
        }
        catch (OperationCanceledException) when (line.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return LineResult.Fail("interrupted (Ctrl-C)");
        }
        finally
        {
            lock (_lineGate)
            {
                _line = null;
            }
        }
    }

    private Reconnection.LinkEnd? _linkEndAtStart;

    // The exit code when the link went down for good since the script began, said as the failure of the line before.
    private int? LinkLost(int lineNumber)
    {
        if (session.LastLinkEnd is not { Failure: true } end || ReferenceEquals(end, _linkEndAtStart))
        {
            return null;
        }
        _linkEndAtStart = end;
        Report(Math.Max(1, lineNumber), $"the connection is down for good: {end.Reason}");
        return end.ExitCode;
    }

    // The refusals of earlier lines must be settled by this one's wait; this line's are noted for the next.
    private bool Settle(int lineNumber)
    {
        if (!Check())
        {
            return false;
        }
        _refusals.Note(session.Pending.TakeRefused(), lineNumber);
        return true;
    }

    private bool Check()
    {
        if (_refusals.Unsettled(session.WaitedFrames) is { } unsettled)
        {
            Report(unsettled.Line, unsettled.Error);
            return false;
        }
        return true;
    }

    private static bool IsWait(string input) => input.TrimStart() is var line && (line == "wait" || line.StartsWith("wait ", StringComparison.Ordinal));

    // No line follows the last one: its refusals can be settled by nothing.
    private bool SettleAtEnd(int lineNumber) => Settle(lineNumber) && Settle(lineNumber);

    private static bool IsBlank(string input) => input.Trim() is { Length: 0 } or ['#', ..];

    private async Task<bool> AllAnsweredAsync(int lineNumber, CancellationToken ct)
    {
        var unanswered = await session.Pending.WaitAllAsync(ResponseTimeout, ct);
        return Answered(unanswered, lineNumber);
    }

    // Pipelined: before a line that streams, what already went wrong stops the script (a refusal at the next check, a
    // drop now); before any other line, every answer is awaited first. The refusals that came are noted with the lines
    // that sent their requests, so the wait on this line may still settle them.
    private async Task<bool> JoinAsync(bool streams, int lineNumber, CancellationToken ct)
    {
        var answered = streams ? !session.Pending.AnyAbandoned || Answered([], lineNumber) : await AllAnsweredAsync(lineNumber, ct);
        if (session.Pending.AnyRefused)
        {
            _refusals.Note(session.Pending.TakeRefused(), lineNumber);
        }
        return answered;
    }

    // Pipelined, after a line that streamed: a full window waits for a free place, and fails only when no answer comes.
    private async Task<bool> WindowAsync(CancellationToken ct)
    {
        if (session.Pending.Count < ReplSession.PipelineWindow
            || await session.Pending.WaitBelowAsync(ReplSession.PipelineWindow, ResponseTimeout, ct))
        {
            return true;
        }
        return Answered(session.Pending.Waiting, _lineNumber);
    }

    // True when nothing is left unanswered or dropped; else the failure, at the line that sent the first such request.
    private bool Answered(IReadOnlyList<PendingRequest> unanswered, int lineNumber)
    {
        var dropped = session.Pending.TakeAbandoned();
        if (unanswered.Count == 0 && dropped.Count == 0)
        {
            return true;
        }
        if (unanswered.Count > 0)
        {
            var line = LineOf(unanswered, lineNumber);
            Report(line, $"no response within {ResponseTimeout.TotalSeconds:0} s to {Describe(unanswered, line)}");
        }
        else
        {
            var line = LineOf(dropped, lineNumber);
            Report(line, $"{Describe(dropped, line)} {(dropped.Count == 1 ? "was" : "were")} sent before the connection dropped and not retried: the server may or may not have acted on {(dropped.Count == 1 ? "it" : "them")}");
        }
        return false;
    }

    // The line that sent the earliest of them (a pipelined burst's failure is its own line's), else this one.
    private static int LineOf(IReadOnlyList<PendingRequest> requests, int lineNumber) =>
        requests.Where(r => r.Line > 0).Select(r => r.Line).DefaultIfEmpty(lineNumber).Min();

    // A burst can leave a thousand unanswered: the first few are named, the rest counted.
    private static string Describe(IReadOnlyList<PendingRequest> requests, int reported)
    {
        var named = string.Join(", ", requests.OrderBy(r => r.SentAt).Take(5)
            .Select(r => $"{r.Type ?? "request"} id {r.Id}{(r.Line > 0 && r.Line != reported ? $" (line {r.Line})" : "")}"));
        return requests.Count > 5 ? $"{named} and {requests.Count - 5:N0} more" : named;
    }

    private void Report(int lineNumber, string error)
    {
        session.Output.Error(mode == ReplMode.Script ? $"{sourceName}:{lineNumber}: {error}" : error);
    }
}
