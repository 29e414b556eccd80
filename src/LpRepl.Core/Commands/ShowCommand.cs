using System.Globalization;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>show [N]</c>: frame #N (the number the chat format prints), or the newest, whole and indented.</summary>
public sealed class ShowCommand : IReplCommand
{
    public string Name => "show";

    public string Summary => $"print frame #N whole (the number at the end of each chat line; the newest {RecentFrames.MaxFrames} are kept), or the newest";

    public string Usage => "show [N]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            if (session.Recent.Last is not { } last)
            {
                return Task.FromResult(LineResult.Fail("no frame sent or received yet"));
            }
            session.Output.WholeFrame(last);
            return Task.FromResult(LineResult.Ok);
        }
        if (!long.TryParse(args[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return Task.FromResult(LineResult.Fail($"show takes a frame number such as 3 (the #3 at the end of a chat line), not '{args[0]}'"));
        }
        if (session.Recent.Find(number) is not { } frame)
        {
            var oldest = session.Recent.Oldest;
            return Task.FromResult(LineResult.Fail(oldest == 0 ? "no frame sent or received yet"
                : number < oldest ? $"frame #{number} is no longer kept: the oldest kept is #{oldest}"
                : $"no frame #{number} yet: the newest is #{session.Recent.Last!.Number}"));
        }
        session.Output.WholeFrame(frame);
        return Task.FromResult(LineResult.Ok);
    }
}
