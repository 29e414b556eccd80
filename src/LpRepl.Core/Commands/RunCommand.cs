using LpRepl.Repl;
using LpRepl.Repl.Completion;

namespace LpRepl.Commands;

/// <summary><c>run FILE</c> (<c>source FILE</c>): run a script in this session, keeping its variables and socket.</summary>
public sealed class RunCommand : IReplCommand
{
    public const int MaxDepth = 16;

    public string Name => "run";

    public IReadOnlyList<string> Aliases => ["source"];

    public string Summary => "run a script of REPL lines in this session (it stops at its first failing line)";

    public string Usage => "run FILE";

    public CommandArity Arity => CommandArity.Exactly(1);

    public PathArgument? PathAt(IReadOnlyList<string> before) => before.Count == 0 ? new PathArgument(".lprepl") : null;

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            return LineResult.Fail($"usage: {Usage}");
        }
        if (session.ScriptDepth >= MaxDepth)
        {
            return LineResult.Fail($"scripts run scripts {MaxDepth} deep: is {args[0]} running itself?");
        }
        FileLineSource source;
        try
        {
            source = await FileLineSource.OpenAsync(args[0], ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LineResult.Fail($"cannot read {args[0]}: {e.Message}");
        }
        using (source)
        {
            session.ScriptDepth++;
            // 'strict on|off' and 'pipeline on|off' in the script are the script's: the session gets its own setting back at the end.
            var (strict, pipeline) = (session.Strict, session.Pipeline);
            int code;
            try
            {
                code = await new ReplLoop(session, source, ReplMode.Script, args[0]) { CloseAtEnd = false }.RunAsync(ct);
            }
            catch (IO.InputTooLargeException e)
            {
                // FILE:LINE: line longer than …, from the reader: the script stops there.
                return LineResult.Fail(e.Message);
            }
            finally
            {
                session.ScriptDepth--;
                if (session.Strict != strict)
                {
                    session.Strict = strict;
                    session.Output.Info($"strict {(strict ? "on" : "off")} again: {args[0]} had set it for itself");
                }
                if (session.Pipeline != pipeline)
                {
                    session.Pipeline = pipeline;
                    session.Output.Info($"pipeline {(pipeline ? "on" : "off")} again: {args[0]} had set it for itself");
                }
            }
            // The script reported its own failing line; this only stops an enclosing script too.
            return code == ExitCodes.Ok ? LineResult.Ok
                : LineResult.Fail(code == ExitCodes.Interrupted ? $"{args[0]} was interrupted (see above)" : $"{args[0]} stopped (see above)", code);
        }
    }
}
