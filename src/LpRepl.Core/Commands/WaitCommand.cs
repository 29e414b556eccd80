using System.Globalization;
using LpRepl.Repl;
using Newtonsoft.Json;

namespace LpRepl.Commands;

/// <summary>
/// <c>wait TYPE [PATH=VALUE…] [timeout=SECONDS] [since=session]</c>: block until a received frame of
/// that type whose paths hold those values has arrived. By default only frames of the wait's own
/// window count: on the current connection, since the running script began (or the previous wait
/// began, so none is missed), and not about a conversation the session has left. Each frame satisfies
/// one wait only. <c>since=session</c> widens the window to every frame the log still holds.
/// </summary>
public sealed class WaitCommand : IReplCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest timeout a wait takes (24 h): a longer one is a typo, not a plan.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    public string Name => "wait";

    public string Summary => "wait for a received frame of TYPE whose jq-style paths hold the values: of this connection, since the script began (at the prompt: since the previous wait began; since=session: any frame kept); timeout up to 24 h";

    public string Usage => "wait TYPE [.path=VALUE…] [timeout=SECONDS] [since=session]";

    public CommandArity Arity => CommandArity.AtLeast(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            return LineResult.Fail($"usage: {Usage}, e.g. wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT .body.changes[0].event.type=ContentEvent");
        }
        var type = args[0];
        var timeout = DefaultTimeout;
        var wholeSession = false;
        var conditions = new List<(string Path, string Value)>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            if (eq <= 0)
            {
                return LineResult.Fail($"wait: argument {i + 1}, '{arg}', is not PATH=VALUE; usage: {Usage}");
            }
            var (name, value) = (arg[..eq], arg[(eq + 1)..]);
            if (name == "timeout")
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    || !double.IsFinite(seconds) || seconds <= 0 || seconds > MaxTimeout.TotalSeconds)
                {
                    return LineResult.Fail($"wait: timeout must be a number of seconds above 0 and at most {MaxTimeout.TotalSeconds:0} (24 h), not '{value}'");
                }
                timeout = TimeSpan.FromSeconds(seconds);
                continue;
            }
            if (name == "since")
            {
                if (value != "session")
                {
                    return LineResult.Fail($"wait: since= takes only 'session' (every frame the log still holds, of any connection), not '{value}'");
                }
                wholeSession = true;
                continue;
            }
            if (FramePath.Check(name) is { } problem)
            {
                return LineResult.Fail($"wait: argument {i + 1}, '{arg}': '{name}' is not a path: {problem}; {FramePath.Shape}");
            }
            conditions.Add((name, value));
        }
        session.Conversations.Observe(session.Variables["conversationId"]);
        var connection = session.Connection;
        var asked = conditions.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var start = session.Inbound.End;
        // A link down for good (given up, refused, closed) brings nothing more: the wait ends then, not at its timeout.
        // While reconnecting it goes on, and matches what arrives once the socket is back.
        using var linkDown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ended = session.LinkEnded;
        var waiting = session.Inbound.WaitAsync(
            f => !session.WaitedFrames.Contains(f.Index)
                && f.Frame["type"]?.ToString() == type
                && (wholeSession || (f.Connection == connection && !session.Conversations.IsAboutFormer(f.Frame, asked)))
                && conditions.All(c => FramePath.Matches(f.Frame, c.Path, c.Value)),
            wholeSession ? 0 : session.WaitFrom, timeout, linkDown.Token);
        if (await Task.WhenAny(waiting, ended) != waiting)
        {
            await linkDown.CancelAsync();
            try
            {
                await waiting;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return LineResult.Fail($"wait {string.Join(' ', args)}: the connection is down for good ({ended.Result.Reason}); nothing more can arrive", ended.Result.ExitCode);
            }
        }
        var found = await waiting;
        if (found.Frame is { } frame)
        {
            // The next wait looks from where this one began or just past its match, whichever is earlier:
            // a frame that came while this one waited, or after what it matched, still counts.
            session.WaitedFrames.Add(found.Index);
            session.WaitCursor = Math.Max(session.WaitCursor, Math.Min(start, found.Index + 1));
            session.LastWaited = frame;
            return LineResult.Ok;
        }
        var wanted = string.Join(' ', args.Where(a => !a.StartsWith("timeout=", StringComparison.Ordinal)));
        var recent = session.Inbound.Tail(3).Select(f => "  < " + Shorten(f.ToString(Formatting.None)));
        var missed = found.Missed == 0 ? ""
            : $"\n{found.Missed} frame(s) of this wait's window were dropped from the inbound log before it could look at them (it keeps the newest {InboundLog.MaxFrames.ToString("N0", CultureInfo.InvariantCulture)} frames, {InboundLog.MaxBytes / 1024 / 1024} MiB): one may have matched; wait sooner after the request";
        return LineResult.Fail($"wait {wanted}: nothing matched within {timeout.TotalSeconds:0.#} s; the last frames received:\n{string.Join("\n", recent.DefaultIfEmpty("  (none)"))}{missed}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
