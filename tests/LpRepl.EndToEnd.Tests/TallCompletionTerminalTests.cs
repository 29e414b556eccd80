using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>Tab's list of completions in a frame taller than the window, in a real terminal: seen under the window, not lost in the scrollback.</summary>
public sealed class TallCompletionTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_show_the_list_under_the_window_of_a_tall_frame_and_take_it_away_on_the_next_key()
    {
        // Given a 63-line frame pasted in a 100 × 45 window, its request type half typed on its last line
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--format", "compact");
        tmux.Resize(100, 45);
        await tmux.WaitForReadyAsync(Timeout);
        var lines = new List<string> { "{", "  \"kind\": \"req\"," };
        lines.AddRange(Enumerable.Range(0, 60).Select(i => $"  \"k{i:00}\": {i},"));
        lines.Add("  \"type\": \"ms.");
        tmux.Paste(string.Join('\n', lines) + "\n");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines() is [.., "...   \"type\": \"ms."], Timeout, "the end of the pasted frame");
        var scrollback = tmux.HistorySize();

        // When Tab finds several request types
        tmux.Keys("Tab");
        var shown = await tmux.WaitForScreenAsync(
            _ => tmux.VisibleLines().Any(l => l.Contains("ms.PublishEvent", StringComparison.Ordinal)), Timeout, "the list in the window");

        // Then the list is on the screen under the cursor's row, which stays in view, and nothing went to the scrollback
        var visible = tmux.VisibleLines();
        var list = visible.ToList().FindIndex(l => l.Contains("ms.PublishEvent", StringComparison.Ordinal));
        var (column, row) = tmux.Cursor();
        row.Should().BeLessThan(list, $"the cursor is above the list in:\n{shown}");
        visible[row].Should().Be("...   \"type\": \"ms.");
        column.Should().Be("...   \"type\": \"ms.".Length);
        tmux.HistorySize().Should().Be(scrollback, "the list is drawn in the window, not printed above it");

        // And the next keys take it away and complete the type in the full window
        tmux.Type("Pub");
        tmux.Keys("Tab");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines() is [.., "...   \"type\": \"ms.PublishEvent\""], Timeout, "the completed type on the last row");
        tmux.VisibleLines().Should().HaveCount(45).And.NotContain(l => l.Contains("ms.SubscribeMessagingEvents", StringComparison.Ordinal), "the list is gone");
        tmux.HistorySize().Should().Be(scrollback);
    }
}
