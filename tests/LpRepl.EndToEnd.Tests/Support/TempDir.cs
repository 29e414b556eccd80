namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>A throwaway home for one test: XDG state and config folders, so no test touches the user's.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lprepl-e2e-").FullName;

    public string StateDir => System.IO.Path.Combine(Path, "state");

    public string LogFile => System.IO.Path.Combine(StateDir, "lprepl", "lprepl.log");

    public Dictionary<string, string> Environment() => new()
    {
        ["XDG_STATE_HOME"] = StateDir,
        ["XDG_CONFIG_HOME"] = System.IO.Path.Combine(Path, "config"),
        ["HOME"] = Path,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["LP_ACCOUNT"] = "",
        ["NO_COLOR"] = "",
        // The machine's own proxy settings must not route a test; proxy tests set their own.
        ["HTTPS_PROXY"] = "",
        ["https_proxy"] = "",
        ["ALL_PROXY"] = "",
        ["all_proxy"] = "",
        ["http_proxy"] = "",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing its log: the OS temp cleaner gets it.
        }
    }
}
