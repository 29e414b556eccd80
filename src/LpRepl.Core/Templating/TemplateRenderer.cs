using LpRepl.Commands;
using LpRepl.Frames;
using LpRepl.Session;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LpRepl.Templating;

/// <summary>
/// Expands library templates into frames. Strict: an unknown argument, a missing required one,
/// an unset variable, or a result that is not one JSON object is an error, never a guess.
/// One context is reused (building Scriban's built-ins per frame would cost more than the frame).
/// </summary>
public sealed class TemplateRenderer
{
    private readonly Lock _gate = new();
    private readonly TemplateContext _context;
    private readonly StringBuilderOutput _output = new();
    private ScriptObject _variables = new();
    private SessionVariables? _variablesSource;
    private long _variablesVersion = -1;

    public TemplateRenderer(ScriptObject functions)
    {
        _context = new TemplateContext { StrictVariables = true, AutoIndent = false, LoopLimit = 10_000, RecursiveLimit = 50, LimitToString = 1024 * 1024 };
        _context.PushGlobal(functions);
    }

    public TemplateExpansion Render(FrameTemplate template, IReadOnlyDictionary<string, string> arguments, SessionVariables variables, long id)
    {
        foreach (var key in arguments.Keys.Where(k => !template.Parameters.ContainsKey(k)))
        {
            var nearest = NearestName.Find(key, template.Parameters.Keys);
            var takes = template.Parameters.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", template.ParameterNames);
            return TemplateExpansion.Fail($"{template.Name} has no parameter '{key}'{(nearest is null ? "" : $" (did you mean '{nearest}'?)")}; {takes}");
        }
        var missing = template.Required.Where(r => !arguments.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return TemplateExpansion.Fail($"{template.Name} needs {string.Join(", ", missing.Select(m => m + "=…"))}; usage: {template.Usage}");
        }
        var scope = new ScriptObject { ["id"] = id };
        foreach (var (name, defaultValue) in template.Parameters)
        {
            scope[name] = arguments.TryGetValue(name, out var given) ? given : defaultValue;
        }
        string text;
        lock (_gate)
        {
            _context.PushGlobal(VariablesObject(variables));
            _context.PushGlobal(scope);
            _output.Builder.Clear();
            _context.PushOutput(_output);
            try
            {
                // Render returns what it wrote; the reused output only spares a buffer per frame.
                text = Trimmed(template.Body.Render(_context));
            }
            catch (ScriptRuntimeException e)
            {
                return TemplateExpansion.Fail(TemplateErrors.ForTemplate(template, e, variables.Snapshot().Select(p => p.Key).Concat(template.Parameters.Keys).Append("id")));
            }
            finally
            {
                _context.PopOutput();
                _context.PopGlobal();
                _context.PopGlobal();
            }
        }
        var validation = JsonFrameValidator.Check(text);
        return validation.IsValid
            ? TemplateExpansion.Ok(text)
            : TemplateExpansion.Fail($"{template.Name} expanded to text that is not valid JSON (line {validation.Line}, column {validation.Column}: {validation.Error}):\n{validation.Pointer(text)}");
    }

    // The session's variables as a script object, rebuilt only when they changed since the last frame.
    private ScriptObject VariablesObject(SessionVariables variables)
    {
        if (!ReferenceEquals(variables, _variablesSource) || variables.Version != _variablesVersion)
        {
            var copy = new ScriptObject();
            _variablesVersion = variables.Version;
            variables.CopyTo(copy);
            _variables = copy;
            _variablesSource = variables;
        }
        return _variables;
    }

    // The body keeps front-matter lines blank (for line numbers): the frame is what lies between.
    private static string Trimmed(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }
}
