using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary>
/// <c>vars [--show]</c>: every session variable, one per line. Tokens are shortened wherever they
/// sit (known by shape, so a copy under another name is shortened too) unless <c>--show</c> asks
/// for them, and a line break in a value is shown as <c>\u000a</c> so each line is one variable.
/// </summary>
public sealed class VarsCommand : IReplCommand
{
    public string Name => "vars";

    public string Summary => "list session variables (tokens shortened; --show, or 'echo $NAME', prints them in full)";

    public string Usage => "vars [--show]";

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? ["--show"] : [];

    public CommandArity Arity => CommandArity.AtMost(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count > 1 || (args.Count == 1 && args[0] != "--show"))
        {
            return Task.FromResult(LineResult.Fail($"unexpected argument '{args[^1]}'; usage: {Usage}"));
        }
        var show = args.Count == 1;
        var lines = session.Variables.Snapshot()
            .Select(p => $"{p.Key}={ControlCharacters.Escape(show ? p.Value : Hide(p.Key, p.Value), keepNewlines: false)}");
        session.Output.Report(string.Join("\n", lines));
        return Task.FromResult(LineResult.Ok);
    }

    private static string Hide(string name, string value) =>
        VariableName.IsSecret(name) ? SecretRedactor.Shorten(value) : SecretRedactor.Redact(value);
}
