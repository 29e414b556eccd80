using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>Editing a pasted frame taller than the window, in a real terminal: the edited rows scroll into view.</summary>
public sealed class TallBufferTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_edit_near_the_top_of_a_frame_taller_than_the_window_where_the_cursor_is()
    {
        // Given a session on the embedded emulator in a 100 × 45 window
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--format", "compact");
        tmux.Resize(100, 45);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("signup");
        await tmux.WaitForTextAsync("LP_JWT=eyJ", Timeout);
        tmux.TypeLine("connect");
        await tmux.WaitForTextAsync("lp*> ", Timeout);

        // When a 63-line frame is pasted, the cursor goes up to its third line, and "top" is typed into the id
        var frame = TallFrame();
        frame.Split('\n').Should().HaveCount(63);
        tmux.Paste(frame + "\n");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines() is [.., "... }"], Timeout, "the end of the pasted frame");
        var scrollback = tmux.HistorySize();
        tmux.Keys([.. Enumerable.Repeat("Up", 60), "End", "Left", "Left"]);
        tmux.Type("top");
        var rows = await tmux.WaitForScreenAsync(
            _ => tmux.VisibleLines().Any(l => l.Contains("\"id\": \"t1top\",", StringComparison.Ordinal)), Timeout, "the edit in the window");

        // Then the edit is on the cursor's row, the cursor just after it, and no redraw went to the scrollback
        var (column, row) = tmux.Cursor();
        var visible = tmux.VisibleLines();
        visible.Should().HaveCount(45, "the frame fills the window");
        visible[row].Should().Be("...   \"id\": \"t1top\",", $"the cursor is on row {row} of:\n{rows}");
        column.Should().Be(visible[row].IndexOf("\",", StringComparison.Ordinal));
        tmux.HistorySize().Should().BeLessThanOrEqualTo(scrollback + 2, "moving and typing only redraws the window");

        // And on Enter the whole edited frame is sent, and left whole in the scrollback
        tmux.Keys("Enter");
        var screen = await tmux.WaitForTextAsync("\"reqId\":\"t1top\"", Timeout);
        var lines = screen.Split('\n').Select(l => l.TrimEnd()).ToList();
        var shown = frame.Split('\n').Select((l, i) => (i == 0 ? "lp*> " : "... ") + l).ToList();
        shown[2] = "...   \"id\": \"t1top\",";
        lines.Should().ContainInConsecutiveOrder(shown);
        screen.Should().NotContain("more lines", "the window's markers do not stay behind");
    }

    // A pretty ms.PublishEvent whose metadata list makes it 63 lines.
    private static string TallFrame()
    {
        var lines = new List<string>
        {
            "{",
            "  \"kind\": \"req\",",
            "  \"id\": \"t1\",",
            "  \"type\": \"ms.PublishEvent\",",
            "  \"body\": {",
            "    \"dialogId\": \"no-such-dialog\",",
            "    \"event\": {",
            "      \"type\": \"ContentEvent\",",
            "      \"contentType\": \"text/plain\",",
            "      \"message\": \"hello\",",
            "      \"extra\": [",
        };
        const int Items = 48;
        lines.AddRange(Enumerable.Range(0, Items).Select(i => $"        \"item{i:00}\"" + (i < Items - 1 ? "," : "")));
        lines.AddRange(["      ]", "    }", "  }", "}"]);
        return string.Join('\n', lines);
    }
}
