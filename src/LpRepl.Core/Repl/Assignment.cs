using LpRepl.Session;

namespace LpRepl.Repl;

/// <summary>Recognizes <c>NAME=value</c> lines, as typed in a shell.</summary>
internal static class Assignment
{
    public static bool TryParse(string line, out string name, out string valueText)
    {
        var eq = line.IndexOf('=');
        if (eq > 0 && VariableName.IsValid(line[..eq]))
        {
            name = line[..eq];
            valueText = line[(eq + 1)..];
            return true;
        }
        name = valueText = "";
        return false;
    }
}
