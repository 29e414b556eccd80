using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>echo …</c>: print words after quoting and <c>$NAME</c> expansion, as the shell does.</summary>
public sealed class EchoCommand : IReplCommand
{
    public string Name => "echo";

    public string Summary => "print text with $NAME expanded (echo $LP_JWT)";

    public string Usage => "echo [WORD…]";

    public CommandArity Arity => CommandArity.Any;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        session.Output.Data(string.Join(' ', args));
        if (ShellHabits.ForEcho(args) is { } note)
        {
            session.Output.Info(note);
        }
        return Task.FromResult(LineResult.Ok);
    }
}
