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

    // One context for every frame, as the template path has: building Scriban's built-ins per frame cost
    // more than the rest of the line (a script of raw frames expands one per line).
    private static readonly Lock Gate = new();
    private static readonly JsonSlotContext Context = new()
    {
        StrictVariables = true,
        LoopLimit = 1000,
        RecursiveLimit = 50,
        LimitToString = 1024 * 1024,
    };
    private static readonly StringBuilderOutput Output = new();

    public static bool NeedsExpansion(string text) => text.Contains("{{", StringComparison.Ordinal);

    public static TemplateExpansion Expand(string text, SessionVariables variables)
    {
        // Most frames only name variables: filled in directly, as Scriban would, at a fraction of its parse.
        if (PlainSlots.TryExpand(text, variables) is { } plain)
        {
            return TemplateExpansion.Ok(plain);
        }
        return ExpandWithScriban(text, variables);
    }

    internal static TemplateExpansion ExpandWithScriban(string text, SessionVariables variables)
    {
        var template = Template.Parse(text, SourceName);
        if (template.HasErrors)
        {
            return TemplateExpansion.Fail(string.Join("\n", template.Messages.Select(m => m.ToString())));
        }
        // Fresh per frame, so what a frame assigns ({{ x = 1 }}) never reaches the next one.
        var globals = new ScriptObject();
        variables.CopyTo(globals);
        lock (Gate)
        {
            Context.PushGlobal(globals);
            Output.Builder.Clear();
            Context.PushOutput(Output);
            Context.BeginFrame();
            try
            {
                return TemplateExpansion.Ok(template.Render(Context));
            }
            catch (ScriptRuntimeException e)
            {
                return TemplateExpansion.Fail(TemplateErrors.ForFrame(e, variables.Snapshot().Select(p => p.Key)));
            }
            finally
            {
                Context.PopOutput();
                Context.PopGlobal();
            }
        }
    }
}
