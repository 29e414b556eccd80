using LpRepl.Repl;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary><c>set NAME VALUE</c>: the long form of <c>NAME=VALUE</c>.</summary>
public sealed class SetCommand : IReplCommand
{
    public string Name => "set";

    public string Summary => "set a session variable (same as NAME=VALUE)";

    public string Usage => "set NAME VALUE";

    public CommandArity Arity => CommandArity.Exactly(2);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 2)
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage} (quote a value that has spaces)"));
        }
        if (!VariableName.IsValid(args[0]))
        {
            return Task.FromResult(LineResult.Fail($"'{args[0]}' is not a variable name: use letters, digits and _ and do not start with a digit"));
        }
        session.Variables.Set(args[0], args[1]);
        return Task.FromResult(LineResult.Ok);
    }
}
