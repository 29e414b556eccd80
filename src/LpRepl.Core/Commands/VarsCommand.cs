using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary><c>vars</c>: every session variable; secrets are shortened so a screen share leaks nothing.</summary>
public sealed class VarsCommand : IReplCommand
{
    public string Name => "vars";

    public string Summary => "list session variables (tokens shortened; 'echo $NAME' prints one in full)";

    public string Usage => "vars";

    public CommandArity Arity => CommandArity.None;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var lines = session.Variables.Snapshot()
            .Select(p => $"{p.Key}={(VariableName.IsSecret(p.Key) ? SecretRedactor.Shorten(p.Value) : p.Value)}");
        session.Output.Data(string.Join("\n", lines));
        return Task.FromResult(LineResult.Ok);
    }
}
