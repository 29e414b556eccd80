using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>How the line is redrawn: only the rows it takes are cleared, never the whole screen from the top row.</summary>
public class LineEditorRedrawTests
{
    [Fact]
    public async Task Should_not_clear_the_screen_at_each_keystroke_after_ctrl_l()
    {
        // Given a cleared screen: the prompt is on the top row
        var harness = new EditorHarness(width: 40);
        var read = await harness.StartAsync(Ctrl('l'));
        harness.Terminal.Screen.ScreenClears.Should().Be(1, "Ctrl-L clears the screen once");

        // When 60 characters are typed one at a time (the line wraps onto a second row)
        for (var i = 0; i < 60; i++)
        {
            harness.Terminal.Type(((char)('a' + (i % 26))).ToString());
            await harness.Terminal.WaitIdleAsync();
        }

        // Then no keystroke cleared the screen again, and the line reads as typed
        harness.Terminal.Screen.ScreenClears.Should().Be(1, "a redraw from the top row must not erase the display (tmux pushes each one into the scrollback)");
        var typed = string.Concat(Enumerable.Range(0, 60).Select(i => (char)('a' + (i % 26))));
        harness.Lines.Should().Equal(("lp> " + typed)[..40], ("lp> " + typed)[40..]);
        harness.Terminal.Type(Enter);
        (await read).Should().Be(typed);
    }

    [Fact]
    public async Task Should_clear_the_rows_the_line_no_longer_takes()
    {
        var harness = new EditorHarness(width: 20);
        var read = await harness.StartAsync(Ctrl('l') + "0123456789abcdefghijklmnopqrstuvwxyzAB");
        harness.Lines.Should().HaveCount(3);

        harness.Terminal.Type(Ctrl('u') + "short");
        await harness.Terminal.WaitIdleAsync();

        harness.Lines.Should().Equal("lp> short");
        harness.Terminal.Screen.Cursor.Should().Be((0, 9));
        harness.Terminal.Type(Enter);
        (await read).Should().Be("short");
    }
}
