namespace LpRepl.Commands;

/// <summary>
/// Hints for what a shell user types out of habit at the lp&gt; prompt (lp-shell was bash): a program
/// such as curl or jq, <c>export NAME=VALUE</c>, <c>echo … &gt; FILE</c>. Each says the LpRepl way.
/// </summary>
public static class ShellHabits
{
    // Programs the tutorials and a shell user reach for; LpRepl runs them through '!' or $(…).
    private static readonly HashSet<string> Programs = new(StringComparer.Ordinal)
    {
        "ls", "cat", "jq", "curl", "grep", "cd", "pwd", "mkdir", "rm", "cp", "mv", "touch", "head", "tail", "less", "more",
        "vi", "vim", "nano", "docker", "node", "npm", "npx", "python", "python3", "sed", "awk", "env", "printenv", "which",
        "sh", "bash", "printf", "date", "base64", "openssl", "websocat",
    };

    /// <summary>The hint for an unknown first word, or null when it is no shell habit.</summary>
    public static string? ForUnknown(string name, IReadOnlyList<string> args) => name switch
    {
        "export" => args.Count > 0 && args[0].Contains('=')
            ? $"no 'export' is needed: write {args[0]} (session variables are in the environment of $(…) and ! commands already)"
            : "no 'export' is needed: write NAME=VALUE (session variables are in the environment of $(…) and ! commands already)",
        _ when Programs.Contains(name) => $"'{name}' is a program, not an LpRepl command: run it with !{name} … (or NAME=$({name} …) to keep what it prints)",
        _ => null,
    };

    /// <summary>The note for an echo whose words hold a shell redirection, which echo prints rather than follows.</summary>
    public static string? ForEcho(IReadOnlyList<string> words) =>
        words.FirstOrDefault(w => w.StartsWith('>') || w is "<" or "|" or "2>") is { } redirect
            ? $"note: echo does not redirect: '{redirect}' was printed, no file was written; !echo … {redirect} … runs it in the shell, and 'save FILE' writes the variables"
            : null;
}
