using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>A bracketed paste in a real terminal: command lines run one by one, a frame stays one input.</summary>
public sealed class PasteTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_run_each_pasted_command_line_on_its_own()
    {
        // Given
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        // When: two command lines and a pretty frame are pasted, then Enter
        tmux.Paste("echo one\necho two\n{\n  \"kind\": \"req\",\n  \"id\": \"p1\",\n  \"type\": \"GetClock\",\n}\necho three\n");
        await tmux.WaitForTextAsync("lp> echo one", Timeout);
        tmux.Keys("Enter");

        // Then: each ran alone, and the broken frame was refused whole, nothing sent
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("\nthree", StringComparison.Ordinal), Timeout, "the last pasted line's output");
        var lines = screen.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Should().ContainInOrder("lp> echo one", "one", "lp> echo two", "two");
        lines.Should().Contain(l => l.Contains("invalid JSON at line 5, column 1", StringComparison.Ordinal));
        lines.Should().ContainInOrder("lp> echo three", "three");
        screen.Should().NotContain("one echo two");
    }
}
