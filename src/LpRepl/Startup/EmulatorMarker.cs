using LpRepl.Session;

namespace LpRepl.App.Startup;

/// <summary>
/// <c>LP_EMULATOR=embedded</c>: set by a session on the embedded emulator, so <c>save</c> writes it into
/// lp.env and the next run given that file (<c>--env-file</c>, <c>docker run --env-file</c>) comes back
/// to the embedded emulator instead of asking LivePerson's domain API about an account that exists only
/// offline. A session on a real account never sets it, so a real account's lp.env goes where it went.
/// </summary>
public static class EmulatorMarker
{
    public const string Name = "LP_EMULATOR";

    public const string Embedded = "embedded";

    /// <summary>Whether the variables ask for the embedded emulator (call <see cref="Problem"/> first).</summary>
    public static bool IsSet(SessionVariables variables) => variables[Name] is { Length: > 0 } value && Picks(value);

    /// <summary>What is wrong with LP_EMULATOR, or null.</summary>
    public static string? Problem(SessionVariables variables) =>
        variables[Name] is { Length: > 0 } value && !Picks(value) && !value.Equals("0", StringComparison.Ordinal) && !value.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? $"{Name}={(value.Length <= 40 ? value : value[..40] + "…")}: '{Embedded}' (what save writes on the embedded emulator) picks the embedded emulator; "
                + $"remove the line (or set it empty) to use a real account"
            : null;

    private static bool Picks(string value) =>
        value.Equals(Embedded, StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
