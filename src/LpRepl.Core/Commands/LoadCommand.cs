using LpRepl.Repl;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary><c>load FILE</c>: set session variables from <c>NAME=value</c> lines (an lp.env).</summary>
public sealed class LoadCommand : IReplCommand
{
    public string Name => "load";

    public string Summary => "set session variables from an lp.env file of NAME=value lines";

    public string Usage => "load FILE";

    public CommandArity Arity => CommandArity.Exactly(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}"));
        }
        try
        {
            var pairs = EnvFile.Read(args[0]);
            foreach (var (name, value) in pairs)
            {
                session.Variables.Set(name, value);
            }
            session.Output.Info($"loaded {pairs.Count} variables from {args[0]}");
            return Task.FromResult(LineResult.Ok);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Task.FromResult(LineResult.Fail(e is InvalidDataException ? e.Message : $"cannot read {args[0]}: {e.Message}"));
        }
    }
}
