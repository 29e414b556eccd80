using LpRepl.Frames;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

public class TerminalOutputTests
{
    [Fact]
    public void Should_print_an_inbound_frame_above_a_live_prompt_and_redraw_the_prompt()
    {
        // Given a prompt on screen
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(terminal, OutputFormat.Compact, color: false);
        output.ShowPrompt("lp*> ");

        // When a frame arrives
        output.Frame(FrameDirection.Inbound, "{\"kind\":\"notification\"}");

        // Then the prompt line is cleared, the frame printed, and the prompt drawn again
        terminal.Out.ToString().Should().Be("lp*> \r\u001b[2K< {\"kind\":\"notification\"}\nlp*> ");
    }

    [Fact]
    public void Should_not_redraw_a_prompt_once_the_line_is_entered()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(terminal, OutputFormat.Compact, color: false);
        output.ShowPrompt("lp> ");
        output.PromptDone();

        output.Data("hello");

        terminal.Out.ToString().Should().Be("lp> hello\n");
    }

    [Fact]
    public void Should_print_inbound_frames_exactly_as_received_in_raw_format_and_sent_ones_on_stderr()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(terminal, OutputFormat.Raw, color: false);

        output.Frame(FrameDirection.Outbound, "{\"id\":1}");
        output.Frame(FrameDirection.Inbound, "{\"reqId\":\"1\"}", "note");

        terminal.Out.ToString().Should().Be("{\"reqId\":\"1\"}\n");
        terminal.Error.ToString().Should().Be("> {\"id\":1}\n");
    }

    [Fact]
    public void Should_send_errors_and_notices_to_stderr()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(terminal, OutputFormat.Compact, color: false);

        output.Error("bad");
        output.Info("note");

        terminal.Error.ToString().Should().Be("error: bad\nnote\n");
        terminal.Out.ToString().Should().BeEmpty();
    }
}
