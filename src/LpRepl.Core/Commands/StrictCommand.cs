using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>strict [on|off]</c>: whether a frame that does not fit the protocol model is refused or sent with a warning.</summary>
public sealed class StrictCommand : IReplCommand
{
    public string Name => "strict";

    public string Summary => "frames checked against the protocol model: off sends with a warning, on refuses (also --strict)";

    public string Usage => "strict [on|off]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? ["on", "off"] : [];

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        switch (args)
        {
            case []:
                session.Output.Report(session.Strict
                    ? "strict on: a frame that does not fit the protocol model is refused, and nothing is sent"
                    : "strict off: a frame that does not fit the protocol model is sent, with a warning");
                return Task.FromResult(LineResult.Ok);
            case ["on"]:
                session.Strict = true;
                session.Output.Info("strict on: frames that do not fit the protocol model are refused");
                return Task.FromResult(LineResult.Ok);
            case ["off"]:
                session.Strict = false;
                session.Output.Info("strict off: frames that do not fit the protocol model are sent, with a warning");
                return Task.FromResult(LineResult.Ok);
            default:
                return Task.FromResult(LineResult.Fail($"strict takes on or off, not '{args[0]}'; usage: {Usage}"));
        }
    }
}
