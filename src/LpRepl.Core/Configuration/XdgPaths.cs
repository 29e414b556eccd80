namespace LpRepl.Configuration;

/// <summary>Per-user folders, following the XDG base directory rules (as bash users expect on Linux).</summary>
public static class XdgPaths
{
    /// <summary><c>$XDG_STATE_HOME/lprepl</c>, else <c>~/.local/state/lprepl</c>: logs and history.</summary>
    public static string StateDirectory() => Resolve("XDG_STATE_HOME", ".local/state");

    /// <summary><c>$XDG_CONFIG_HOME/lprepl</c>, else <c>~/.config/lprepl</c>: user templates.</summary>
    public static string ConfigDirectory() => Resolve("XDG_CONFIG_HOME", ".config");

    private static string Resolve(string variable, string fallback)
    {
        var root = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, fallback);
        }
        return Path.Combine(root, "lprepl");
    }
}
