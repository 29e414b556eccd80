namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>Where the repository and the built lprepl are, seen from the test assembly.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The lprepl assembly built in the same configuration as these tests.</summary>
    public static string LpReplDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "LpRepl", "bin", configuration, "net10.0", "lprepl.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build lprepl first (dotnet build -c {configuration})", path);
        }
    }

    /// <summary>A tool the tests drive, from PATH or the npm peers folder; fails loudly if absent.</summary>
    public static string Tool(string name)
    {
        var peers = Path.Combine(Root, "tests", "peers", "node_modules", ".bin", name);
        if (File.Exists(peers))
        {
            return peers;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"'{name}' is not installed: run scripts/setup-test-tools.sh (or scripts/test.sh)");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LpRepl.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LpRepl.sln not found above " + AppContext.BaseDirectory);
    }
}
