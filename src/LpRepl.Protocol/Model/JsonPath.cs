using System.Text.RegularExpressions;

namespace LpRepl.Protocol.Model;

/// <summary>Paths as findings show them: <c>body.conversationField[0].field</c>.</summary>
internal static partial class JsonPath
{
    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();

    public static string Property(string path, string name)
    {
        var step = PlainName().IsMatch(name) ? name : $"[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
        return path.Length == 0 || step.StartsWith('[') ? path + step : $"{path}.{step}";
    }

    public static string Index(string path, int index) => $"{path}[{index}]";
}
