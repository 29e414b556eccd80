using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>keepalive [show|hide]</c>: the keep-alive's interval, kind and last round trip; show or hide each round trip.</summary>
public sealed class KeepAliveCommand : IReplCommand
{
    public string Name => "keepalive";

    public string Summary => "the keep-alive's interval, kind and last round trip; show|hide prints each round trip";

    public string Usage => "keepalive [show|hide]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? ["show", "hide"] : [];

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        switch (args)
        {
            case []:
                session.Output.Report(session.DescribeKeepAlive());
                return Task.FromResult(LineResult.Ok);
            case ["show"]:
                session.ShowKeepAlive = true;
                session.Output.Info("keep-alive round trips are shown");
                return Task.FromResult(LineResult.Ok);
            case ["hide"]:
                session.ShowKeepAlive = false;
                session.Output.Info("keep-alive round trips are hidden");
                return Task.FromResult(LineResult.Ok);
            default:
                return Task.FromResult(LineResult.Fail($"keepalive takes show or hide, not '{args[0]}'; usage: {Usage}"));
        }
    }
}
