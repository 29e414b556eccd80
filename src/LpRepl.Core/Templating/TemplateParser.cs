using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace LpRepl.Templating;

/// <summary>
/// Reads a <c>NAME.json.sbn</c> file: an optional front matter between <c>+++</c> lines (Scriban
/// statements setting <c>description</c>, <c>params</c> and <c>required</c>), then the frame body.
/// Front-matter lines are kept as blank lines in the body so every diagnostic points at the file's own line.
/// </summary>
public static class TemplateParser
{
    private const string Fence = "+++";

    public static (FrameTemplate? Template, IReadOnlyList<TemplateDiagnostic> Errors) Parse(string name, string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var frontEnd = -1;
        if (lines.Length > 0 && lines[0].Trim() == Fence)
        {
            frontEnd = Array.FindIndex(lines, 1, l => l.Trim() == Fence);
            if (frontEnd < 0)
            {
                return (null, [new TemplateDiagnostic(path, 1, 1, "front matter opened with +++ is never closed")]);
            }
        }
        var front = frontEnd < 0 ? "" : string.Join('\n', lines[..frontEnd].Select((l, i) => i == 0 ? "" : l));
        var body = string.Join('\n', lines.Select((l, i) => i <= frontEnd ? "" : l));

        var metadata = new ScriptObject();
        if (front.Length > 0)
        {
            var script = Template.Parse(front, path, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly });
            if (script.HasErrors)
            {
                return (null, Diagnostics(script, path));
            }
            var context = new TemplateContext { StrictVariables = true };
            context.PushGlobal(metadata);
            try
            {
                script.Render(context);
            }
            catch (Scriban.Syntax.ScriptRuntimeException e)
            {
                return (null, [new TemplateDiagnostic(path, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage)]);
            }
        }
        // Runtime errors name the template as users type it: publish(4,23) : error : …
        var compiled = Template.Parse(body, name);
        if (compiled.HasErrors)
        {
            return (null, Diagnostics(compiled, path));
        }
        var parameters = (metadata["params"] as ScriptObject)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        var required = (metadata["required"] as ScriptArray)?.Select(v => v?.ToString() ?? "").Where(v => v.Length > 0).ToList() ?? [];
        foreach (var key in required.Where(r => !parameters.ContainsKey(r)))
        {
            parameters[key] = null;
        }
        var description = metadata["description"]?.ToString() ?? "";
        return (new FrameTemplate(name, description, parameters, required, path, text, compiled), []);
    }

    private static IReadOnlyList<TemplateDiagnostic> Diagnostics(Template template, string path) =>
        [.. template.Messages.Select(m => new TemplateDiagnostic(path, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))];
}
