using System.Text.RegularExpressions;
using LpRepl.Session;

namespace LpRepl.Security;

/// <summary>Which input lines must never be written to the history file: those that hold a credential.</summary>
public static partial class SecretLines
{
    // NAME=value or "set NAME value", where the value is a literal (not $VAR or $(…)).
    [GeneratedRegex(@"^\s*(?:set\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)(?<value>\S.*)?$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*\.")]
    private static partial Regex TokenStart();

    public static bool HoldsSecret(string line)
    {
        // A token's start (even cut short), or a whole one of any spelling.
        if (TokenStart().IsMatch(line) || !ReferenceEquals(SecretRedactor.Redact(line), line))
        {
            return true;
        }
        var match = Assignment().Match(line);
        if (!match.Success || !VariableName.IsSecret(match.Groups["name"].Value))
        {
            return false;
        }
        var value = match.Groups["value"].Value.Trim().Trim('"', '\'');
        return value.Length > 0 && !value.StartsWith('$') && !value.StartsWith('`');
    }
}
