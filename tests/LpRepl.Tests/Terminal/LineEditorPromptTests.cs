using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>The prompt follows the link's state while a line is being edited, without waiting for Enter.</summary>
public class LineEditorPromptTests
{
    [Fact]
    public async Task Should_redraw_the_prompt_when_the_link_goes_down_while_a_line_is_edited()
    {
        // Given a half-typed line at the connected prompt
        var harness = new EditorHarness();
        var prompt = "lp*> ";
        harness.Editor.CurrentPrompt = () => Volatile.Read(ref prompt);
        var read = harness.Editor.ReadLineAsync("lp*> ", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        harness.Terminal.Type("half");
        await harness.Terminal.WaitIdleAsync();
        harness.Lines.Should().Equal("lp*> half");

        // When the socket closes (from another thread, as the receive loop does)
        Volatile.Write(ref prompt, "lp> ");
        await Task.Run(harness.Editor.RefreshPrompt);
        harness.Terminal.Type("!");
        await harness.Terminal.WaitIdleAsync();

        // Then the same line is shown at the offline prompt, and editing goes on
        harness.Lines.Should().Equal("lp> half!");
        harness.Terminal.Screen.Cursor.Should().Be((0, 9));
        harness.Terminal.Type(Enter);
        (await read).Should().Be("half!");
    }

    [Fact]
    public async Task Should_keep_the_continuation_prompt_of_a_frame_being_typed()
    {
        var harness = new EditorHarness();
        harness.Editor.CurrentPrompt = () => "lp> ";
        var read = harness.Editor.ReadLineAsync("... ", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        harness.Terminal.Type("\"a\":1");
        await harness.Terminal.WaitIdleAsync();

        harness.Editor.RefreshPrompt();
        harness.Terminal.Type("}");
        await harness.Terminal.WaitIdleAsync();

        harness.Lines.Should().Equal("... \"a\":1}");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("\"a\":1}");
    }
}
