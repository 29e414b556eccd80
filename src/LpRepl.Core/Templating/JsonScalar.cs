using System.Text.RegularExpressions;

namespace LpRepl.Templating;

/// <summary>What counts as a bare JSON scalar in template output: a JSON number, <c>true</c>, <c>false</c>, <c>null</c>.</summary>
internal static partial class JsonScalar
{
    public static bool IsNumber(string value) => Number().IsMatch(value);

    public static bool IsScalar(string value) => value is "true" or "false" or "null" || IsNumber(value);

    [GeneratedRegex(@"\A-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
