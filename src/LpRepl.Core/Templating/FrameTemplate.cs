using Scriban;

namespace LpRepl.Templating;

/// <summary>
/// One frame template from the library: its name (the file name without <c>.json.sbn</c>), the
/// one-line description and parameters from its front matter, and the compiled body.
/// </summary>
public sealed record FrameTemplate(
    string Name,
    string Description,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyList<string> Required,
    string SourcePath,
    string SourceText,
    Template Body)
{
    /// <summary>Whether it ships with lprepl (the library's first folder), so its errors name it rather than a file to edit.</summary>
    public bool BuiltIn { get; init; }

    /// <summary>Every parameter key, the required ones first: for help and completion.</summary>
    public IEnumerable<string> ParameterNames => Required.Concat(Parameters.Keys.Where(k => !Required.Contains(k)));

    /// <summary>A usage line such as <c>publish text=… [dialog=…]</c>.</summary>
    public string Usage =>
        string.Join(' ', ParameterNames.Select(p => Required.Contains(p) ? $"{p}=…" : $"[{p}={Parameters.GetValueOrDefault(p) ?? "…"}]").Prepend(Name));
}
