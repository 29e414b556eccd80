using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>unset NAME…</c>: forget session variables.</summary>
public sealed class UnsetCommand : IReplCommand
{
    public string Name => "unset";

    public string Summary => "forget session variables";

    public string Usage => "unset NAME…";

    public CommandArity Arity => CommandArity.AtLeast(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}"));
        }
        var missing = args.Where(name => !session.Variables.Remove(name)).ToList();
        return Task.FromResult(missing.Count == 0
            ? LineResult.Ok
            : LineResult.Fail($"not set: {string.Join(", ", missing)}"));
    }
}
