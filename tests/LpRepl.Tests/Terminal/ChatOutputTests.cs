using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

/// <summary>The chat format through <see cref="TerminalOutput"/>: the server's text escaped, <c>show N</c> whole, the format switched live.</summary>
public class ChatOutputTests
{
    private const string Evil = "{\"kind\":\"notification\",\"body\":{\"changes\":[{\"sequence\":2,\"originatorMetadata\":{\"id\":\"a\",\"role\":\"ASSIGNED_AGENT\"},"
        + "\"event\":{\"type\":\"ContentEvent\",\"message\":\"hi\\u001b[2J\\u001b]0;pwned\\u0007\u202eevil\\r\\nthere\",\"contentType\":\"text/plain\"}}]},\"type\":\"ms.MessagingEventNotification\"}";

    [Fact]
    public void Should_escape_what_the_server_wrote_in_a_chat_line()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Chat, color: true);

        output.Frame(FrameDirection.Inbound, Evil, tag: new FrameTag(3));

        var text = terminal.Out.ToString();
        text.Should().Contain("hi\\u001b[2J\\u001b]0;pwned\\u0007\\u202eevil ⏎ there").And.EndWith("#3\u001b[0m\n");
        text.Count(c => c == '\n').Should().Be(1, "one line per message");
        text.Replace(Ansi.Green, "").Replace(Ansi.Dim, "").Replace(Ansi.Reset, "").Should().NotContain("\u001b", "only the output's own colours are escape codes");
    }

    [Fact]
    public void Should_print_a_frame_whole_and_indented_on_show()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Chat, color: false);

        output.WholeFrame(new RecentFrame(3, FrameDirection.Inbound, Evil));

        var text = terminal.Out.ToString();
        text.Should().StartWith("< {\n    \"kind\": \"notification\",").And.EndWith("  (#3)\n").And.Contain("\\u001b[2J");
    }

    [Fact]
    public void Should_switch_format_for_the_frames_that_follow()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Pretty, color: false);
        var frame = "{\"kind\":\"resp\",\"reqId\":\"1\",\"code\":200,\"body\":{},\"type\":\"GenericSubscribeResponse\"}";

        ((IReplOutput)output).TrySetFormat(OutputFormat.Chat).Should().BeTrue();
        output.Frame(FrameDirection.Inbound, frame, tag: new FrameTag(2, "ms.SubscribeMessagingEvents", "1", TimeSpan.FromMilliseconds(5)));

        terminal.Out.ToString().Should().Be("✓ ms.SubscribeMessagingEvents id 1 · 5 ms  #2\n");
    }
}
