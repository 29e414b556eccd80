using LpRepl.Session;

namespace LpRepl.Templating;

/// <summary>Turns the words after a template name (<c>text="hi there" seq=3</c>) into arguments.</summary>
public static class TemplateArguments
{
    public static (IReadOnlyDictionary<string, string> Arguments, string? Error) Parse(IEnumerable<string> words)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var eq = word.IndexOf('=');
            if (eq <= 0 || !VariableName.IsValid(word[..eq]))
            {
                return (arguments, $"bad argument '{word}': arguments are NAME=VALUE (quote a value with spaces: text=\"hi there\")");
            }
            if (!arguments.TryAdd(word[..eq], word[(eq + 1)..]))
            {
                return (arguments, $"argument {word[..eq]} is given twice");
            }
        }
        return (arguments, null);
    }
}
