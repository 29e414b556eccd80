using System.Text;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>help [NAME]</c>: the input forms and every command, or one command's usage.</summary>
public sealed class HelpCommand : IReplCommand
{
    public string Name => "help";

    public IReadOnlyList<string> Aliases => ["?"];

    public string Summary => "list commands, or show how to use one";

    public string Usage => "help [COMMAND]";

    public CommandArity Arity => CommandArity.AtMost(1);

    // help for a template, or for --dry-run, which are no commands but are typed like them.
    private static string? TopicHelp(ReplSession session, string name)
    {
        if (name is "--dry-run" or "dry-run")
        {
            return "TEMPLATE [k=v …] --dry-run\n  print the frame a template expands to and send nothing (as 'render TEMPLATE k=v …' does)";
        }
        if (session.Commands.TryGet(name, out _) || !session.Templates.TryGet(name, out var template))
        {
            return null;
        }
        return $"{template.Usage}\n  {template.Description}\n  a template: 'template show {template.Name}' prints it, '{template.Name} … --dry-run' the frame without sending it; 'templates' lists them all";
    }

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count > 0)
        {
            if (TopicHelp(session, args[0]) is { } topic)
            {
                session.Output.Data(TextLayout.Lines(topic, session.Output.Width));
                return Task.FromResult(LineResult.Ok);
            }
            if (!session.Commands.TryGet(args[0], out var command))
            {
                var nearest = NearestName.Find(args[0], session.Commands.Names.Concat(session.Templates.Names).Where(n => n.Length > 1));
                return Task.FromResult(LineResult.Fail($"no command '{args[0]}'" + (nearest is null ? "" : $"; did you mean '{nearest}'?")));
            }
            var also = command.Aliases.Count == 0 ? "" : $"\n  also: {string.Join(", ", command.Aliases)}";
            // Laid out between words to the width, as the whole list is.
            session.Output.Report(TextLayout.Lines($"{command.Usage}\n  {command.Summary}{also}", session.Output.Width));
            return Task.FromResult(LineResult.Ok);
        }
        var width = session.Output.Width;
        var text = new StringBuilder();
        text.AppendLine("Input:");
        text.AppendLine(TextLayout.Table(
            [
                ("{ … }", "a raw JSON frame; {{NAME}} is replaced by a session variable; checked (JSON, then the protocol: see strict), then sent"),
                ("NAME=VALUE", "set a session variable (quotes and $NAME work as in a shell)"),
                ("# …", "a comment"),
            ], width));
        text.AppendLine("Commands:");
        text.AppendLine(TextLayout.Table(session.Commands.All.Select(command =>
            (command.Usage, command.Summary + (command.Aliases.Count == 0 ? "" : $" (also: {string.Join(", ", command.Aliases)})"))), width));
        text.AppendLine(TextLayout.Paragraph("Keys: Tab completes · Up/Down and Ctrl-R search history · Ctrl-C abandons the line · Ctrl-D leaves", width));
        text.Append(TextLayout.Paragraph("Getting started: signup, connect, then {\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}", width));
        session.Output.Report(text.ToString());
        return Task.FromResult(LineResult.Ok);
    }
}
