using System.Text.RegularExpressions;
using LpRepl.Emulator;
using LpRepl.Repl;
using LpRepl.Terminal;

namespace LpRepl.Tests.Architecture;

/// <summary>The dependency rule of the README's Architecture section, and the single console seam.</summary>
public partial class LayeringTests
{
    [GeneratedRegex(@"\bConsole\.")]
    private static partial Regex ConsoleCall();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LpRepl.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LpRepl.sln not found");
    }

    [Fact]
    public void Should_call_the_console_only_from_the_one_real_terminal_class()
    {
        var sources = new[] { "LpRepl.Core", "LpRepl.Terminal" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = sources.Where(f => ConsoleCall().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName);

        sources.Should().HaveCountGreaterThan(50);
        offenders.Should().Equal("SystemTerminal.cs");
    }

    [Fact]
    public void Should_keep_the_core_free_of_the_terminal_and_the_emulator()
    {
        var references = typeof(ReplSession).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().NotContain(["LpRepl.Terminal", "LpRepl.Emulator", "lprepl"]);
    }

    [Fact]
    public void Should_keep_the_emulator_independent_of_the_repl()
    {
        var references = typeof(EmulatorServer).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().NotContain(["LpRepl.Core", "LpRepl.Terminal", "lprepl"]);
        references.Should().Contain("LpRepl.Protocol", "requests are checked against the protocol model");
    }

    [Fact]
    public void Should_build_the_terminal_layer_on_the_core_only()
    {
        var references = typeof(WriteGate).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().Contain("LpRepl.Core").And.NotContain(["LpRepl.Emulator", "lprepl"]);
    }
}
