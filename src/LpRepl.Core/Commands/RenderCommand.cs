using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>render NAME k=v…</c>: print the frame a template expands to, without sending it (a dry run).</summary>
public sealed class RenderCommand : IReplCommand
{
    public string Name => "render";

    public string Summary => "print the frame a template expands to, without sending it";

    public string Usage => "render TEMPLATE [k=v…]";

    public CommandArity Arity => CommandArity.AtLeast(1);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}"));
        }
        if (!session.Templates.TryGet(args[0], out var template))
        {
            return Task.FromResult(LineResult.Fail(TemplatesCommand.Unknown(session, args[0])));
        }
        var expansion = session.RenderTemplate(template, args.Skip(1));
        if (expansion.Error is not null)
        {
            return Task.FromResult(LineResult.Fail(expansion.Error));
        }
        session.Output.Data(expansion.Text!);
        return Task.FromResult(LineResult.Ok);
    }
}
