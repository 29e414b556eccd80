using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>template show NAME</c>: a template's source, usage, and an example expansion.</summary>
public sealed class TemplateCommand : IReplCommand
{
    public string Name => "template";

    public string Summary => "show a template's source and an example expansion";

    public string Usage => "template show TEMPLATE";

    public CommandArity Arity => CommandArity.Exactly(2);

    // A built-in's file is the program's own copy (rebuilt, or inside a package): the file to edit is a copy in the user's folder.
    internal static string Origin(Templating.FrameTemplate template) => template.BuiltIn
        ? $"built-in {template.Name}; to change it, save a copy as {Path.Combine(Configuration.XdgPaths.ConfigDirectory(), "templates", template.Name + Templating.TemplateLibrary.Extension)} (it overrides the built-in by name)"
        : template.SourcePath;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 2 || args[0] != "show")
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}"));
        }
        if (!session.Templates.TryGet(args[1], out var template))
        {
            return Task.FromResult(LineResult.Fail(TemplatesCommand.Unknown(session, args[1])));
        }
        // The example uses the session's variables and a placeholder for each required argument.
        var example = session.RenderTemplate(template, template.Required.Select(r => $"{r}=example"));
        var shown = example.Text ?? $"(no example now: {example.Error})";
        session.Output.Data($"# {Origin(template)}\n{template.SourceText.TrimEnd()}\n# usage: {template.Usage}\n# example: {shown}");
        return Task.FromResult(LineResult.Ok);
    }
}
