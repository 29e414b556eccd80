using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>lprepl with stdout sent to a file and stdin and stderr at the terminal: the prompt lives on stderr, and notices go above it.</summary>
public class RedirectedOutputTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_print_async_notices_above_the_prompt_when_stdout_is_a_file()
    {
        // Given lprepl > out.txt, connected, with keep-alive round trips shown every second
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplInShell(home, "> out.txt", "", "--keepalive", "1", "--show-pings");
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("signup");
        tmux.TypeLine("connect");
        await tmux.WaitForTextAsync("lp*> ", Timeout);

        // When a line is half typed and keep-alive notices arrive meanwhile
        tmux.Type("half a line");
        await tmux.WaitForTextAsync("lp*> half a line", Timeout);
        await tmux.WaitForScreenAsync(s => s.Split('\n').Count(l => l.StartsWith("keep-alive answered in", StringComparison.Ordinal)) >= 2, Timeout, "two keep-alive notices");

        // Then each notice is a line of its own above the prompt, and the prompt still holds the half line
        var visible = tmux.VisibleLines();
        visible[^1].Should().Be("lp*> half a line");
        visible.Should().NotContain(l => l.Contains("half a line", StringComparison.Ordinal) && l.Contains("keep-alive", StringComparison.Ordinal));
        tmux.Cursor().Should().Be(("lp*> half a line".Length, visible.Count - 1));
        tmux.Keys("C-u", "C-d");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving");
        (await File.ReadAllTextAsync(Path.Combine(home.Path, "out.txt"))).Should().NotContain("lp*>", "the prompt is drawn on the terminal, not into the file");
    }
}
