using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>templates</c>: every template with its parameters and description.</summary>
public sealed class TemplatesCommand : IReplCommand
{
    public string Name => "templates";

    public string Summary => "list the frame templates (NAME k=v… sends one)";

    public string Usage => "templates";

    public CommandArity Arity => CommandArity.None;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var templates = session.Templates.All.ToList();
        if (templates.Count == 0)
        {
            return Task.FromResult(LineResult.Fail("no templates loaded (built-ins are in the templates/ folder beside lprepl)"));
        }
        session.Output.Report(TextLayout.Table(templates.Select(t => (t.Name, t.Description)), session.Output.Width, indent: ""));
        return Task.FromResult(LineResult.Ok);
    }

    /// <summary>The error for a template name that does not exist, with the nearest one.</summary>
    public static string Unknown(ReplSession session, string name)
    {
        var nearest = NearestName.Find(name, session.Templates.Names);
        return $"no template '{name}'" + (nearest is null ? "; 'templates' lists them" : $"; did you mean '{nearest}'?");
    }
}
