using LpRepl.Session;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LpRepl.Templating;

/// <summary>
/// Expands <c>{{ … }}</c> in a raw frame typed at the prompt, with the session variables in scope.
/// Strict: an unknown variable is an error naming it, never an empty string. A value cannot change
/// the frame's shape (<see cref="JsonSlotContext"/>): inside a string it is JSON-escaped.
/// </summary>
public static class InlineTemplate
{
    public const string SourceName = "frame";

    public static bool NeedsExpansion(string text) => text.Contains("{{", StringComparison.Ordinal);

    public static TemplateExpansion Expand(string text, SessionVariables variables)
    {
        var template = Template.Parse(text, SourceName);
        if (template.HasErrors)
        {
            return TemplateExpansion.Fail(string.Join("\n", template.Messages.Select(m => m.ToString())));
        }
        var globals = new ScriptObject();
        foreach (var (name, value) in variables.Snapshot())
        {
            globals[name] = value;
        }
        var context = new JsonSlotContext
        {
            StrictVariables = true,
            LoopLimit = 1000,
            RecursiveLimit = 50,
            LimitToString = 1024 * 1024,
        };
        context.PushGlobal(globals);
        try
        {
            return TemplateExpansion.Ok(template.Render(context));
        }
        catch (ScriptRuntimeException e)
        {
            return TemplateExpansion.Fail(TemplateErrors.ForFrame(e, variables.Snapshot().Select(p => p.Key)));
        }
    }
}
