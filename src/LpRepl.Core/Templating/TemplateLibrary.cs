using System.Diagnostics.CodeAnalysis;

namespace LpRepl.Templating;

/// <summary>
/// The templates by name. Folders load in order and a later one overrides an earlier one by
/// name (built-ins, then the per-user folder, then each <c>--templates DIR</c>). A broken file
/// is reported with file, line and column and skipped; it never stops the REPL.
/// </summary>
public sealed class TemplateLibrary
{
    public const string Extension = ".json.sbn";

    private readonly Dictionary<string, FrameTemplate> _templates = new(StringComparer.Ordinal);

    public static TemplateLibrary Empty { get; } = new();

    public IEnumerable<FrameTemplate> All => _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _templates.Keys;

    // builtIns: the folder whose templates ship with lprepl (BuiltInDirectory unless told), so their errors name them, not a file.
    public static TemplateLibrary Load(IEnumerable<string> directories, Action<TemplateDiagnostic> report, string? builtIns = null)
    {
        var library = new TemplateLibrary();
        var shipped = Path.GetFullPath(builtIns ?? BuiltInDirectory);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var builtIn = Path.GetFullPath(directory) == shipped;
            foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file)[..^Extension.Length];
                var (template, errors) = TemplateParser.Parse(name, file, File.ReadAllText(file));
                foreach (var error in errors)
                {
                    report(error);
                }
                if (template is not null)
                {
                    library._templates[name] = template with { BuiltIn = builtIn };
                }
            }
        }
        return library;
    }

    /// <summary>The built-in templates shipped beside the program.</summary>
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    public bool TryGet(string name, [MaybeNullWhen(false)] out FrameTemplate template) => _templates.TryGetValue(name, out template);
}
