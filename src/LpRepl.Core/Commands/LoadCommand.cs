using LpRepl.Repl;
using LpRepl.Repl.Completion;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary><c>load FILE</c>: set session variables from <c>NAME=value</c> lines (an lp.env).</summary>
public sealed class LoadCommand : IReplCommand
{
    public string Name => "load";

    public string Summary => "set session variables from an lp.env file of NAME=value lines";

    public string Usage => "load FILE";

    public CommandArity Arity => CommandArity.Exactly(1);

    public PathArgument? PathAt(IReadOnlyList<string> before) => before.Count == 0 ? new PathArgument(".env") : null;

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            return LineResult.Fail($"usage: {Usage}");
        }
        try
        {
            // Streaming and capped, and Ctrl-C (the line's token) stops it, even on a pipe that never writes.
            var read = await EnvFile.ReadAsync(args[0], ct);
            var pairs = read.Where(p => !ConversationVariables.Names.Contains(p.Key)).ToList();
            foreach (var (name, value) in pairs)
            {
                session.Variables.Set(name, value);
            }
            if (pairs.Count < read.Count)
            {
                session.Output.Info(ConversationVariables.Note(read.Where(p => ConversationVariables.Names.Contains(p.Key)).Select(p => p.Key), "not loaded"));
            }
            session.Output.Info($"loaded {pairs.Count} variable{(pairs.Count == 1 ? "" : "s")} from {args[0]}");
            return LineResult.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return LineResult.Fail(e is InvalidDataException or IO.InputTooLargeException ? e.Message : $"cannot read {args[0]}: {e.Message}");
        }
    }
}
