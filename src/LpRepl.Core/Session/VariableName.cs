using System.Text.RegularExpressions;

namespace LpRepl.Session;

/// <summary>Rules for variable names: shell identifiers, plus which names hold secrets.</summary>
public static partial class VariableName
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    public static bool IsValid(string name) => Identifier().IsMatch(name);

    /// <summary>
    /// Names whose values are credentials (<c>LP_JWT</c>, <c>UNAUTH_JWT</c>, <c>LP_BEARER</c>, …):
    /// shown shortened by <c>vars</c> and never written to logs.
    /// </summary>
    public static bool IsSecret(string name) =>
        name.Contains("JWT", StringComparison.OrdinalIgnoreCase)
        || name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase)
        || name.Contains("BEARER", StringComparison.OrdinalIgnoreCase)
        || name.Contains("PASS", StringComparison.OrdinalIgnoreCase);
}
