using LpRepl.Frames;
using LpRepl.Terminal;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>An input taller than the window: edited through a window of rows that follows the cursor.</summary>
public class LineEditorTallInputTests
{
    private const int Height = 10;

    // "{", 18 members, "}": 20 lines, twice the window's height.
    private static readonly string[] FrameLines =
        ["{", .. Enumerable.Range(0, 18).Select(i => $"  \"k{i:00}\": {i}" + (i < 17 ? "," : "")), "}"];

    private static readonly string Frame = string.Join("\n", FrameLines);

    private static IReadOnlyList<string> Shown(int index) =>
        [.. FrameLines.Select((l, i) => (i == 0 ? EditorHarness.Prompt : "... ") + l).Skip(index)];

    private static IReadOnlyList<string> Visible(EditorHarness harness) => [.. harness.Lines.Skip(harness.Terminal.Screen.ScrollbackRows)];

    private static string CursorLine(EditorHarness harness) => harness.Lines[harness.Terminal.Screen.Cursor.Row];

    [Fact]
    public async Task Should_show_the_end_of_a_pasted_block_taller_than_the_window_with_a_marker_above()
    {
        var harness = new EditorHarness(height: Height);

        var read = await harness.StartAsync(Paste(Frame));

        Visible(harness).Should().Equal(["\u2191 11 more lines", .. Shown(11)]);
        harness.Terminal.Screen.Cursor.Row.Should().Be(harness.Terminal.Screen.ScrollbackRows + Height - 1);
        harness.Terminal.Type(Enter);
        (await read).Should().Be(Frame);
    }

    [Fact]
    public async Task Should_type_on_the_row_the_cursor_is_on_after_moving_up_to_the_first_line()
    {
        // Given a pasted block twice the window's height
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame));
        var scrollback = harness.Terminal.Screen.ScrollbackRows;

        // When the cursor goes up to the first line and text is typed there
        harness.Terminal.Type(string.Concat(Enumerable.Repeat(Up, 19)) + End + " ");
        harness.Terminal.Type("\"top\": true,");
        await harness.Terminal.WaitIdleAsync();

        // Then the window shows the first rows, the typed text on the cursor's row, just before the cursor
        Visible(harness).Should().Equal(["lp> { \"top\": true,", .. Shown(1).Take(Height - 2), "\u2193 11 more lines"]);
        harness.Terminal.Screen.Cursor.Should().Be((harness.Terminal.Screen.ScrollbackRows, "lp> { \"top\": true,".Length));
        harness.Terminal.Screen.ScrollbackRows.Should().Be(scrollback, "redrawing the window never scrolls");
        harness.Terminal.Screen.ScreenClears.Should().Be(0);
        harness.Terminal.Type(Enter);
        (await read).Should().Be("{ \"top\": true,\n" + string.Join("\n", FrameLines.Skip(1)));
    }

    [Fact]
    public async Task Should_scroll_one_row_at_a_time_as_the_cursor_moves_down_past_the_window()
    {
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame) + string.Concat(Enumerable.Repeat(Up, 19)));

        harness.Terminal.Type(string.Concat(Enumerable.Repeat(Down, 9)) + Home + "x");
        await harness.Terminal.WaitIdleAsync();

        // Row 9 is the last text row of a window from row 2, between markers.
        Visible(harness).Should().Equal(["\u2191 2 more lines", .. Shown(2).Take(7), "... x  \"k08\": 8,", "\u2193 10 more lines"]);
        CursorLine(harness).Should().Be("... x  \"k08\": 8,");
        harness.Terminal.Screen.Cursor.Column.Should().Be(5);
        harness.Terminal.Type(Enter);
        (await read).Should().Be(Frame.Replace("  \"k08\"", "x  \"k08\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_print_output_that_arrives_above_the_window_and_keep_the_cursor_row()
    {
        var harness = new EditorHarness(height: Height);
        var output = new TerminalOutput(harness.Gate, OutputFormat.Compact, color: false);
        var read = await harness.StartAsync(Paste(Frame) + string.Concat(Enumerable.Repeat(Up, 15)) + End);
        var before = Visible(harness);

        await Task.Run(() => output.Info("notice"));

        harness.Lines[harness.Terminal.Screen.ScrollbackRows - 1].Should().Be("notice");
        Visible(harness).Should().Equal(before);
        CursorLine(harness).Should().Be("...   \"k03\": 3,");
        harness.Terminal.Type(Enter);
        (await read).Should().Be(Frame);
    }

    [Fact]
    public async Task Should_leave_the_whole_input_in_the_scrollback_once_it_is_entered()
    {
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame) + string.Concat(Enumerable.Repeat(Up, 10)));

        harness.Terminal.Type(Enter);

        (await read).Should().Be(Frame);
        harness.Lines.Should().Equal(Shown(0), "the whole input, not the window over it, and no marker");
        harness.Terminal.Screen.Cursor.Row.Should().Be(FrameLines.Length);
    }

    [Fact]
    public async Task Should_mark_an_abandoned_tall_input_after_its_last_line()
    {
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame) + string.Concat(Enumerable.Repeat(Up, 10)));

        harness.Terminal.Type(Ctrl('c'));
        await harness.Terminal.WaitIdleAsync();

        harness.Lines.Should().Equal([.. Shown(0).SkipLast(1), "... }^C", "lp>"]);
        harness.Terminal.Type(Enter);
        (await read).Should().Be("");
    }

    [Fact]
    public async Task Should_not_push_rows_into_the_scrollback_when_typing_after_ctrl_l_in_a_tall_input()
    {
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame) + Ctrl('l'));
        var scrollback = harness.Terminal.Screen.ScrollbackRows;

        harness.Terminal.Type(Up + Up + End + "abc" + Backspace + Down);
        await harness.Terminal.WaitIdleAsync();

        harness.Terminal.Screen.ScrollbackRows.Should().Be(scrollback);
        harness.Terminal.Screen.ScreenClears.Should().Be(1, "only Ctrl-L's own clear");
        Visible(harness).Should().HaveCount(Height);
        harness.Terminal.Type(Enter);
        (await read).Should().Be(Frame.Replace("\"k16\": 16,", "\"k16\": 16,ab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_redraw_the_window_whole_after_the_terminal_gets_narrower()
    {
        var harness = new EditorHarness(width: 40, height: Height);
        var read = await harness.StartAsync(Paste(Frame) + string.Concat(Enumerable.Repeat(Up, 5)));

        harness.Terminal.Resize(12);
        await harness.Terminal.WaitIdleAsync();

        Visible(harness).Should().HaveCount(Height);
        CursorLine(harness).Should().StartWith("...   \"k13\"");
        harness.Terminal.Type(Enter);
        (await read).Should().Be(Frame);
    }

    [Fact]
    public async Task Should_jump_to_the_start_and_the_end_of_the_whole_input_with_ctrl_home_and_ctrl_end()
    {
        var harness = new EditorHarness(height: Height);
        var read = await harness.StartAsync(Paste(Frame) + CtrlHome + Right + "\"a\": 0,");

        harness.Terminal.Screen.Cursor.Should().Be((harness.Terminal.Screen.ScrollbackRows, "lp> {\"a\": 0,".Length));
        CursorLine(harness).Should().Be("lp> {\"a\": 0,");

        harness.Terminal.Type(CtrlEnd + Backspace + "]");
        await harness.Terminal.WaitIdleAsync();
        CursorLine(harness).Should().Be("... ]");
        harness.Terminal.Screen.Cursor.Should().Be((harness.Terminal.Screen.ScrollbackRows + Height - 1, 5));
        harness.Terminal.Type(Backspace + "}" + Enter);
        (await read).Should().Be("{\"a\": 0," + Frame[1..]);
    }
}
