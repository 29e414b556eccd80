using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// <c>pipeline [on|off]</c>: whether a script streams its frames, answers matched by id as they come, or runs in
/// lockstep (each line waits for the answers to its requests). A script's setting ends with it.
/// </summary>
public sealed class PipelineCommand : IReplCommand
{
    public string Name => "pipeline";

    public string Summary => "on: a script's frame lines stream without waiting for each answer (any other line, sync and the end wait for them); off: lockstep, the default (also --pipeline)";

    public string Usage => "pipeline [on|off]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? ["on", "off"] : [];

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        switch (args)
        {
            case []:
                session.Output.Report(session.Pipeline
                    ? $"pipeline on: a script's frames stream, at most {ReplSession.PipelineWindow:N0} in flight; any other line, sync and the script's end wait for their answers"
                    : "pipeline off: each line of a script waits for the answers to its requests");
                return Task.FromResult(LineResult.Ok);
            case ["on"]:
                session.Pipeline = true;
                if (!session.InScript)
                {
                    session.Output.Info("pipeline on: scripts run from here stream their frames (at the prompt nothing waits anyway)");
                }
                return Task.FromResult(LineResult.Ok);
            case ["off"]:
                session.Pipeline = false;
                if (!session.InScript)
                {
                    session.Output.Info("pipeline off: scripts run from here wait for each line's answers");
                }
                return Task.FromResult(LineResult.Ok);
            default:
                return Task.FromResult(LineResult.Fail($"pipeline takes on or off, not '{args[0]}'; usage: {Usage}"));
        }
    }
}
