using LpRepl.Repl;
using LpRepl.Repl.Completion;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary><c>save [FILE]</c>: session variables as <c>NAME=value</c> lines (the tutorial's lp.env), default <c>./lp.env</c>.</summary>
public sealed class SaveCommand : IReplCommand
{
    public string Name => "save";

    public string Summary => "write session variables to FILE (default ./lp.env) as NAME=value lines";

    public string Usage => "save [FILE]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public PathArgument? PathAt(IReadOnlyList<string> before) => before.Count == 0 ? PathArgument.AnyFile : null;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var path = args.Count > 0 ? args[0] : "lp.env";
        var pairs = session.Variables.Snapshot().Where(p => !session.Services.DiscoveredVariables.Contains(p.Key)).ToList();
        var conversation = pairs.Where(p => ConversationVariables.Names.Contains(p.Key)).Select(p => p.Key).ToList();
        pairs.RemoveAll(p => ConversationVariables.Names.Contains(p.Key));
        IReadOnlyList<(string Name, string Reason)> leftOut;
        try
        {
            leftOut = EnvFile.Write(path, pairs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(LineResult.Fail($"cannot write {path}: {e.Message}"));
        }
        // docker --env-file, `. ./lp.env` and load must read the same value, or the value is not written.
        foreach (var (name, reason) in leftOut)
        {
            session.Output.Info($"not saved: {name} ({reason}); set it again after loading {path}");
        }
        if (conversation.Count > 0)
        {
            session.Output.Info(ConversationVariables.Note(conversation, "not saved"));
        }
        var saved = pairs.Count - leftOut.Count;
        session.Output.Info($"saved {saved} variable{(saved == 1 ? "" : "s")} to {path} (it holds credentials: keep it private)");
        return Task.FromResult(LineResult.Ok);
    }
}
