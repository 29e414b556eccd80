using System.Globalization;
using LpRepl.Repl;
using Newtonsoft.Json;

namespace LpRepl.Commands;

/// <summary>
/// <c>wait TYPE [PATH=VALUE…] [timeout=SECONDS]</c>: block until a received frame of that type
/// whose paths hold those values has arrived — since the previous wait began, so none is missed;
/// each frame satisfies one wait only.
/// </summary>
public sealed class WaitCommand : IReplCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public string Name => "wait";

    public string Summary => "wait for a received frame of TYPE whose paths hold the values (jq-style paths)";

    public string Usage => "wait TYPE [.path=VALUE…] [timeout=SECONDS]";

    public CommandArity Arity => CommandArity.AtLeast(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            return LineResult.Fail($"usage: {Usage}, e.g. wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT");
        }
        var type = args[0];
        var timeout = DefaultTimeout;
        var conditions = new List<(string Path, string Value)>();
        foreach (var arg in args.Skip(1))
        {
            var eq = arg.IndexOf('=');
            if (eq <= 0)
            {
                return LineResult.Fail($"'{arg}' is not PATH=VALUE");
            }
            if (arg[..eq] == "timeout")
            {
                if (!double.TryParse(arg[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                {
                    return LineResult.Fail($"timeout must be a number of seconds, not '{arg[(eq + 1)..]}'");
                }
                timeout = TimeSpan.FromSeconds(seconds);
                continue;
            }
            conditions.Add((arg[..eq], arg[(eq + 1)..]));
        }
        var start = session.Inbound.End;
        var found = await session.Inbound.WaitAsync(
            (frame, index) => !session.WaitedFrames.Contains(index) && frame["type"]?.ToString() == type && conditions.All(c => FramePath.Matches(frame, c.Path, c.Value)),
            session.WaitCursor, timeout, ct);
        if (found is { } match)
        {
            // The next wait looks from where this one began or just past its match, whichever is earlier:
            // a frame that came while this one waited, or after what it matched, still counts.
            session.WaitedFrames.Add(match.Index);
            session.WaitCursor = Math.Min(start, match.Index + 1);
            session.LastWaited = match.Frame;
            return LineResult.Ok;
        }
        var wanted = string.Join(' ', args.Where(a => !a.StartsWith("timeout=", StringComparison.Ordinal)));
        var recent = session.Inbound.Tail(3).Select(f => "  < " + Shorten(f.ToString(Formatting.None)));
        return LineResult.Fail($"wait {wanted}: nothing matched within {timeout.TotalSeconds:0.#} s; the last frames received:\n{string.Join("\n", recent.DefaultIfEmpty("  (none)"))}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
