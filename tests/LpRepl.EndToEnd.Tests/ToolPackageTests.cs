using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// lprepl installs the way .NET users install command-line tools: <c>dotnet pack</c> makes the tool
/// package, <c>dotnet tool install</c> puts it on a tool path, and the installed command is the same
/// program (same version, templates and embedded emulator inside).
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Should_pack_install_and_run_as_a_dotnet_tool()
    {
        // Given the tool package packed from the build these tests run against
        using var home = new TempDir();
        var feed = Path.Combine(home.Path, "feed");
        var configuration = Repo.LpReplDll.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        await using var pack = await RunAsync(home, "dotnet", "pack", Path.Combine(Repo.Root, "src", "LpRepl", "LpRepl.csproj"), "-c", configuration, "--no-build", "-o", feed);
        Directory.GetFiles(feed, "lprepl.*.nupkg").Should().ContainSingle();

        // When it is installed into a tool path of its own, from that feed alone
        var config = Path.Combine(home.Path, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="feed" value="{feed}" /></packageSources></configuration>
            """);
        var tools = Path.Combine(home.Path, "tools");
        await using var install = await RunAsync(home, "dotnet", "tool", "install", "lprepl", "--tool-path", tools, "--configfile", config);
        var lprepl = Path.Combine(tools, "lprepl");

        // Then the installed command is the built program: same version, and a one-line script runs on its emulator
        await using var built = await RunAsync(home, "dotnet", Repo.LpReplDll, "--version");
        await using var installed = await RunAsync(home, lprepl, "--version");
        installed.Stdout.ToString().Trim().Should().NotBeEmpty().And.Be(built.Stdout.ToString().Trim());

        await using var script = ProcessDriver.Start(lprepl, ["run", "-"], Environment(home), home.Path);
        await script.TypeAsync("signup");
        script.CloseInput();
        (await script.WaitForExitAsync(Timeout)).Should().Be(0, script.Transcript());
        script.Transcript().Should().Contain("LP_JWT=eyJ");
    }

    private static async Task<ProcessDriver> RunAsync(TempDir home, string fileName, params string[] args)
    {
        var process = ProcessDriver.Start(fileName, args, Environment(home), home.Path);
        process.CloseInput();
        var code = await process.WaitForExitAsync(Timeout);
        code.Should().Be(0, $"{fileName} {string.Join(' ', args)}\n{process.Transcript()}");
        return process;
    }

    // A home of its own: NuGet's caches too, so no package cached by an earlier run stands in for this one.
    private static Dictionary<string, string> Environment(TempDir home)
    {
        var env = home.Environment();
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["NUGET_PACKAGES"] = Path.Combine(home.Path, "nuget-packages");
        return env;
    }
}
