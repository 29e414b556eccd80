using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>Tab completes a script's file name after run in a real terminal, as bash does, and lists a directory's scripts.</summary>
public class FileCompletionTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_complete_the_directory_then_list_its_scripts_then_run_the_one_chosen()
    {
        // Given a directory with scripts/ holding two scripts and a shell script
        using var home = new TempDir();
        Directory.CreateDirectory(Path.Combine(home.Path, "scripts"));
        File.WriteAllText(Path.Combine(home.Path, "scripts", "getting-started.lprepl"), "echo ran-getting-started\n");
        File.WriteAllText(Path.Combine(home.Path, "scripts", "survive-drops.lprepl"), "echo ran-survive-drops\n");
        File.WriteAllText(Path.Combine(home.Path, "scripts", "test.sh"), "");
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        // When run scr is completed, the directory comes with its slash and the cursor right after it
        tmux.Type("run scr");
        tmux.Keys("Tab");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> run scripts/", Timeout, "run scripts/");
        tmux.Cursor().Should().Be(("lp> run scripts/".Length, tmux.VisibleLines().Count - 1));

        // Then Tab again lists the scripts by name below the line, and the line is drawn again under them
        tmux.Keys("Tab");
        var listed = await tmux.WaitForScreenAsync(s => s.Contains("survive-drops.lprepl", StringComparison.Ordinal), Timeout, "the list of scripts");
        listed.Should().Contain("getting-started.lprepl  survive-drops.lprepl").And.NotContain("test.sh");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> run scripts/", Timeout, "the line under the list");

        // And a letter more completes the one script, which runs
        tmux.Type("s");
        tmux.Keys("Tab");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> run scripts/survive-drops.lprepl", Timeout, "the completed name");
        tmux.Keys("Enter");
        await tmux.WaitForTextAsync("\nran-survive-drops", Timeout);
    }
}
