using LpRepl.Templating;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    /// <summary>Expands a library template with arguments, taking the next request id; nothing is sent.</summary>
    public TemplateExpansion RenderTemplate(FrameTemplate template, IEnumerable<string> words)
    {
        var (arguments, error) = TemplateArguments.Parse(words);
        return error is not null ? TemplateExpansion.Fail(error) : Renderer.Render(template, arguments, Variables, Ids.Peek());
    }

    /// <summary><c>NAME k=v…</c>: expand and send (with <c>--dry-run</c>: print only). On any error nothing is sent.</summary>
    public async Task<LineResult> SendTemplateAsync(FrameTemplate template, IEnumerable<string> words, CancellationToken ct)
    {
        var list = words.ToList();
        var dryRun = list.Remove("--dry-run");
        var expansion = RenderTemplate(template, list);
        if (expansion.Error is not null)
        {
            return LineResult.Fail($"{expansion.Error}\nNothing was sent.");
        }
        if (dryRun)
        {
            Output.Data(expansion.Text!);
            return LineResult.Ok;
        }
        // Its text may hold "{{" in a message and must not be expanded again.
        return await SendCheckedAsync(expansion.Text!, ct);
    }
}
