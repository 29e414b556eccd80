using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// <c>sync</c>: wait until every request sent is answered. A pipelined script joins its burst here; at the prompt it
/// waits for what is in flight.
/// </summary>
public sealed class SyncCommand : IReplCommand
{
    public string Name => "sync";

    public string Summary => "wait until every request sent so far is answered (a pipelined script's join; gives up when no answer comes for 10 s)";

    public string Usage => "sync";

    public CommandArity Arity => CommandArity.Exactly(0);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 0)
        {
            return LineResult.Fail($"sync takes no arguments; usage: {Usage}");
        }
        // In a script the loop has already waited before this line, and reports what it found; at the prompt it is this.
        var unanswered = await session.Pending.WaitAllAsync(WaitCommand.DefaultTimeout, ct);
        if (unanswered.Count > 0)
        {
            var list = string.Join(", ", unanswered.Take(5).Select(r => $"{r.Type ?? "request"} id {r.Id}"));
            var more = unanswered.Count > 5 ? $" and {unanswered.Count - 5} more" : "";
            return LineResult.Fail($"sync: no answer for {WaitCommand.DefaultTimeout.TotalSeconds:0} s; still waiting for {list}{more}");
        }
        return LineResult.Ok;
    }
}
