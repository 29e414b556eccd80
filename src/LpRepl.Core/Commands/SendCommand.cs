using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>send NAME k=v…</c>: expand a template and send it (the same as typing <c>NAME k=v…</c>).</summary>
public sealed class SendCommand : IReplCommand
{
    public string Name => "send";

    public string Summary => "expand a template and send it (same as NAME k=v…)";

    public string Usage => "send TEMPLATE [k=v…]";

    public CommandArity Arity => CommandArity.AtLeast(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            return LineResult.Fail($"usage: {Usage}; 'templates' lists them");
        }
        return session.Templates.TryGet(args[0], out var template)
            ? await session.SendTemplateAsync(template, args.Skip(1), ct)
            : LineResult.Fail(TemplatesCommand.Unknown(session, args[0]));
    }
}
