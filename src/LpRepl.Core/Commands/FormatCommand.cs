using LpRepl.Frames;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>format [pretty|compact|raw|chat]</c>: how frames are printed from now on (also --format).</summary>
public sealed class FormatCommand : IReplCommand
{
    private static readonly string[] Names = ["pretty", "compact", "raw", "chat"];

    public string Name => "format";

    public string Summary => "how frames are printed: pretty, compact, raw, or chat (one line per message; show N prints a frame whole)";

    public string Usage => "format [pretty|compact|raw|chat]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? Names : [];

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            session.Output.Report(session.Output.Format is { } now ? $"format {now.ToString().ToLowerInvariant()}" : "this output has no formats");
            return Task.FromResult(LineResult.Ok);
        }
        // Names only: Enum.TryParse would take "1" or "Pretty, Raw" too.
        var index = Array.IndexOf(Names, args[0].ToLowerInvariant());
        if (index < 0)
        {
            return Task.FromResult(LineResult.Fail($"format takes pretty, compact, raw or chat, not '{args[0]}'; usage: {Usage}"));
        }
        var format = Enum.Parse<OutputFormat>(Names[index], ignoreCase: true);
        if (!session.Output.TrySetFormat(format))
        {
            return Task.FromResult(LineResult.Fail("this output has no formats"));
        }
        session.Output.Info(format == OutputFormat.Chat ? "format chat: one line per frame; 'show N' prints frame #N whole" : $"format {Names[index]}");
        return Task.FromResult(LineResult.Ok);
    }
}
