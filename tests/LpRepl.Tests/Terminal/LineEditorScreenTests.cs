using LpRepl.Frames;
using LpRepl.Terminal;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>What the screen shows: output from elsewhere above an intact line, wrapping, wide characters, resize.</summary>
public class LineEditorScreenTests
{
    [Fact]
    public async Task Should_print_a_frame_above_the_half_typed_line_and_keep_the_cursor_where_it_was()
    {
        // Given a half-typed frame with the cursor moved back into it
        var harness = new EditorHarness();
        var output = new TerminalOutput(harness.Gate, OutputFormat.Compact, color: false);
        var read = await harness.StartAsync("{\"kind\":\"req\",\"id\":5" + Left + Left);

        // When a frame arrives from the socket
        await Task.Run(() => output.Frame(FrameDirection.Inbound, "{\"kind\":\"notification\",\"type\":\"ms.MessagingEventNotification\"}"));

        // Then it is above, and the prompt, the partial input and the cursor are intact
        harness.Lines.Should().Equal(
            "< {\"kind\":\"notification\",\"type\":\"ms.MessagingEventNotification\"}",
            "lp> {\"kind\":\"req\",\"id\":5");
        harness.Terminal.Screen.Cursor.Should().Be((1, 22));
        harness.Terminal.Type("x" + End + "}" + Enter);
        (await read).Should().Be("{\"kind\":\"req\",\"id\"x:5}");
    }

    [Fact]
    public async Task Should_keep_a_wrapped_line_intact_when_output_arrives()
    {
        var harness = new EditorHarness(width: 20);
        var output = new TerminalOutput(harness.Gate, OutputFormat.Compact, color: false);
        var read = await harness.StartAsync("0123456789abcdefghijklmnopqrstuvwxyz" + Home + Right);

        output.Info("notice");
        output.Data("data line");

        harness.Lines.Should().Equal("notice", "data line", "lp> 0123456789abcdef", "ghijklmnopqrstuvwxyz");
        harness.Terminal.Screen.Cursor.Should().Be((2, 5));
        harness.Terminal.Type(Enter);
        (await read).Should().Be("0123456789abcdefghijklmnopqrstuvwxyz");
    }

    [Fact]
    public async Task Should_put_the_cursor_on_the_next_row_when_the_line_exactly_fills_the_width()
    {
        var harness = new EditorHarness(width: 10);

        var read = await harness.StartAsync("abcdef");

        harness.Lines.Should().Equal("lp> abcdef");
        harness.Terminal.Screen.Cursor.Should().Be((1, 0));
        harness.Terminal.Type(Backspace);
        await harness.Terminal.WaitIdleAsync();
        harness.Lines.Should().Equal("lp> abcde");
        harness.Terminal.Screen.Cursor.Should().Be((0, 9));
        harness.Terminal.Type(Enter);
        (await read).Should().Be("abcde");
    }

    [Fact]
    public async Task Should_count_wide_characters_as_two_columns()
    {
        var harness = new EditorHarness(width: 10);

        var read = await harness.StartAsync("中文中" + Left);

        harness.Lines.Should().Equal("lp> 中文中");
        harness.Terminal.Screen.Cursor.Should().Be((0, 8));
        harness.Terminal.Type("x");
        await harness.Terminal.WaitIdleAsync();
        harness.Lines.Should().Equal("lp> 中文x", "中");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("中文x中");
    }

    [Fact]
    public async Task Should_redraw_the_line_after_a_resize()
    {
        var harness = new EditorHarness(width: 40);
        var read = await harness.StartAsync("hello");

        harness.Terminal.Resize(30);
        harness.Terminal.Type(" world");
        await harness.Terminal.WaitIdleAsync();

        harness.Lines.Should().Equal("lp> hello world");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("hello world");
    }

    [Fact]
    public async Task Should_leave_the_finished_line_on_screen_and_start_output_below_it()
    {
        var harness = new EditorHarness(width: 20);
        var output = new TerminalOutput(harness.Gate, OutputFormat.Compact, color: false);

        (await harness.ReadAsync("0123456789abcdefghijklmn" + Home + Enter)).Should().Be("0123456789abcdefghijklmn");
        output.Data("next");

        harness.Lines.Should().Equal("lp> 0123456789abcdef", "ghijklmn", "next");
    }

    [Fact]
    public async Task Should_draw_the_line_on_stderr_and_notices_above_it_when_stdout_is_a_file()
    {
        // Given stdout redirected to a file, stdin and stderr at the terminal
        var terminal = new FakeTerminal(width: 40) { OutputIsTerminal = false };
        var gate = new WriteGate(terminal);
        var editor = new LpRepl.Terminal.LineEditing.LineEditor(terminal, gate, new LpRepl.Terminal.LineEditing.History(file: null), completer: null, color: false);
        var output = new TerminalOutput(gate, OutputFormat.Raw, color: false);
        var read = editor.ReadLineAsync("lp> ", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        terminal.Type("half");
        await terminal.WaitIdleAsync();

        // When a notice and a received frame arrive
        await Task.Run(() => output.Info("keep-alive answered in 3 ms"));
        await Task.Run(() => output.Frame(FrameDirection.Inbound, "{\"kind\":\"notification\"}"));

        // Then the notice is above the line, the frame only in the file, and the line intact
        terminal.Screen.Lines.Should().Equal("keep-alive answered in 3 ms", "lp> half");
        terminal.Screen.Cursor.Should().Be((1, 8));
        terminal.Out.ToString().Should().Be("{\"kind\":\"notification\"}\n");
        terminal.Type(Enter);
        (await read).Should().Be("half");
    }
}
