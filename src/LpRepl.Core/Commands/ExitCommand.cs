using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>exit</c>: close the socket and leave (Ctrl-D does the same).</summary>
public sealed class ExitCommand : IReplCommand
{
    public string Name => "exit";

    public IReadOnlyList<string> Aliases => ["quit"];

    public string Summary => "close the connection and leave (or Ctrl-D)";

    public string Usage => "exit";

    public CommandArity Arity => CommandArity.None;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct) =>
        Task.FromResult(LineResult.Exit);
}
