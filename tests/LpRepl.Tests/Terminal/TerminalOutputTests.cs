using LpRepl.Frames;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

public class TerminalOutputTests
{
    private static (FakeTerminal Terminal, TerminalOutput Output) Create(OutputFormat format)
    {
        var terminal = new FakeTerminal();
        return (terminal, new TerminalOutput(new WriteGate(terminal), format, color: false));
    }

    [Fact]
    public void Should_print_inbound_frames_exactly_as_received_in_raw_format_and_sent_ones_on_stderr()
    {
        var (terminal, output) = Create(OutputFormat.Raw);

        output.Frame(FrameDirection.Outbound, "{\"id\":1}");
        output.Frame(FrameDirection.Inbound, "{\"reqId\":\"1\"}", "note");

        terminal.Out.ToString().Should().Be("{\"reqId\":\"1\"}\n");
        terminal.Error.ToString().Should().Be("> {\"id\":1}\n");
    }

    [Fact]
    public void Should_mark_frames_and_keep_sent_ones_on_one_line_in_pretty_format()
    {
        var (terminal, output) = Create(OutputFormat.Pretty);

        output.Frame(FrameDirection.Outbound, "{\"id\":1}");
        output.Frame(FrameDirection.Inbound, "{\"reqId\":\"1\"}", "req 1 · 3 ms");

        terminal.Out.ToString().Should().Be("> {\"id\":1}\n< {\n    \"reqId\": \"1\"\n  }  (req 1 · 3 ms)\n");
    }

    [Fact]
    public void Should_send_errors_and_notices_to_stderr()
    {
        var (terminal, output) = Create(OutputFormat.Compact);

        output.Error("bad");
        output.Info("note");

        terminal.Error.ToString().Should().Be("error: bad\nnote\n");
        terminal.Out.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Should_wrap_notices_between_words_at_the_terminals_width()
    {
        var terminal = new FakeTerminal(width: 30);
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Compact, color: false);

        output.Info("connected to wss://127.0.0.1:4431/ws_api/account/1 now");
        output.Error("the server closed the socket with 4401");
        output.Info("a  short   one");

        terminal.Error.ToString().Should().Be(
            "connected to\n  wss://127.0.0.1:4431/ws_api/account/1\n  now\n"
            + "error: the server closed the\n  socket with 4401\n"
            + "a  short   one\n");
    }

    [Fact]
    public void Should_keep_notices_whole_when_standard_error_is_a_file()
    {
        var terminal = new FakeTerminal(width: 30) { ErrorIsTerminal = false, OutputIsTerminal = false };
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Compact, color: false);

        output.Warning("the server closed the socket with 4401");

        terminal.Error.ToString().Should().Be("warning: the server closed the socket with 4401\n");
    }
}
