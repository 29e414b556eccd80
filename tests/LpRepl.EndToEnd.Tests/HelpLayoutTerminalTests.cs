using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary><c>help</c> and <c>templates</c> fit the terminal they are shown on: no row wraps, no word is split.</summary>
public class HelpLayoutTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("help", "Getting started:")]
    [InlineData("templates", "typing ")]
    public async Task Should_lay_out_the_list_for_80_columns(string command, string last)
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        tmux.Resize(80, 50);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.Keys("C-l");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines() is ["lp>"], Timeout, "a cleared screen");

        tmux.TypeLine(command);

        await tmux.WaitForScreenAsync(s => s.Contains(last, StringComparison.Ordinal) && tmux.VisibleLines()[^1] == "lp>", Timeout, $"{command}'s list and the next prompt");
        // capture-pane -J joins the rows the terminal wrapped: a line longer than 80 is one that wrapped, mid-word or not.
        var listed = tmux.Screen().Split('\n').SkipWhile(l => !l.StartsWith("lp> " + command, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("lp>", StringComparison.Ordinal)).ToList();
        listed.Should().HaveCountGreaterThan(5);
        listed.Should().OnlyContain(l => l.Length <= 80, "no line is wider than the terminal");
    }

    [Fact]
    public async Task Should_wrap_the_banner_between_words_at_80_columns()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplSized(80, 50, home);

        // The prompt comes while the emulator starts, and the banner above it once the emulator is up.
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("try: signup") && s.TrimEnd().EndsWith("lp>", StringComparison.Ordinal), Timeout, "the banner above the prompt");

        var banner = screen.Split('\n').TakeWhile(l => !l.StartsWith("lp>", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        banner.Should().Contain(l => l.StartsWith("LpRepl ", StringComparison.Ordinal));
        // capture-pane -J joins what the terminal wrapped: every row within 80 means the banner was laid out, not cut.
        banner.Should().OnlyContain(l => l.Length <= 80, "no banner row is wider than the terminal");
        string.Join(' ', banner).Should().Contain("('vars' lists them)", "the words are all there, in order");
    }
}
