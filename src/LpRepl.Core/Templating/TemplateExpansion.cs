namespace LpRepl.Templating;

/// <summary>The text a template expanded to, or its compiler-style diagnostics.</summary>
public sealed record TemplateExpansion(string? Text, string? Error)
{
    public static TemplateExpansion Ok(string text) => new(text, null);

    public static TemplateExpansion Fail(string error) => new(null, error);
}
