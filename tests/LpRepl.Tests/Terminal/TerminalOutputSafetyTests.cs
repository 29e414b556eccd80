using LpRepl.Frames;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

/// <summary>Every path of <see cref="TerminalOutput"/>: server text never drives the terminal, and tokens are shortened where they are not asked for.</summary>
public class TerminalOutputSafetyTests
{
    // Retitle, clear, a one-byte CSI, a right-to-left override and an isolate.
    private const string Hostile = "x\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil\u2066";
    private const string HostileShown = "x\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil\\u2066";

    // A JSON server sends ESC and BEL escaped, C1 and bidi characters as they are (all valid JSON).
    private const string HostileFrame = "{\"kind\":\"resp\",\"body\":{\"conversationId\":\"x\\u001b]0;pwned\\u0007\\u001b[2J\u009b31m\u202eevil\u2066\"},\"type\":\"cm.RequestConversationResponse\"}";

    private const string Jwt = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiI1OTI2MzFhMCJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

    // Wide, so the escapes are checked on whole lines (notices are wrapped between words at the width).
    private static (FakeTerminal Terminal, TerminalOutput Output) Create(OutputFormat format, bool terminal = true, bool color = false)
    {
        var fake = new FakeTerminal(width: 200) { OutputIsTerminal = terminal };
        return (fake, new TerminalOutput(new WriteGate(fake), format, color));
    }

    private static string All(FakeTerminal terminal) => terminal.Out.ToString() + terminal.Error;

    // The test's own list, independent of the one it checks: C0 but newline and tab, DEL, C1, bidi embeddings, overrides, isolates.
    private static bool Unsafe(char c) => (char.IsControl(c) && c is not ('\n' or '\t')) || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static void ShouldHoldNoUnsafeCharacter(string text) =>
        text.Where(Unsafe).Select(c => $"U+{(int)c:X4}").Should().BeEmpty("nothing may drive the terminal");

    [Theory]
    [InlineData(OutputFormat.Pretty, false)]
    [InlineData(OutputFormat.Pretty, true)]
    [InlineData(OutputFormat.Compact, false)]
    [InlineData(OutputFormat.Raw, false)]
    public void Should_show_a_hostile_received_frame_escaped_on_a_terminal(OutputFormat format, bool color)
    {
        var (terminal, output) = Create(format, color: color);

        output.Frame(FrameDirection.Inbound, HostileFrame, "note \u001b[2J");
        output.Frame(FrameDirection.Inbound, "not json \u001b]0;pwned\u0007\u009b", "not valid JSON");

        var shown = color ? All(terminal).Replace(Ansi.Reset, "").Replace(Ansi.Green, "").Replace(Ansi.Cyan, "").Replace(Ansi.Dim, "") : All(terminal);
        ShouldHoldNoUnsafeCharacter(shown);
        shown.Should().Contain("\\u009b31m\\u202eevil\\u2066").And.Contain("not json \\u001b]0;pwned\\u0007\\u009b");
    }

    [Fact]
    public void Should_escape_what_pretty_format_decodes_from_json_escapes()
    {
        var (terminal, output) = Create(OutputFormat.Pretty);

        output.Frame(FrameDirection.Inbound, "{\"\\u009bkey\":\"\\u001b[2J\\u009b\\u202e\"}");

        terminal.Out.ToString().Should().Be("< {\n    \"\\u009bkey\": \"\\u001b[2J\\u009b\\u202e\"\n  }\n");
    }

    [Theory]
    [InlineData(OutputFormat.Pretty)]
    [InlineData(OutputFormat.Compact)]
    [InlineData(OutputFormat.Raw)]
    public void Should_show_a_sent_frame_escaped_and_its_token_shortened(OutputFormat format)
    {
        var (terminal, output) = Create(format);

        output.Frame(FrameDirection.Outbound, $"{{\"type\":\"InitConnection\",\"headers\":[{{\"jwt\":\"{Jwt}\"}}],\"x\":\"\u009b\u202e\"}}");

        All(terminal).Should().NotContain(Jwt).And.Contain("eyJraWQiOiIw…(redacted)").And.Contain("\\u009b\\u202e");
        ShouldHoldNoUnsafeCharacter(All(terminal));
    }

    [Fact]
    public void Should_escape_data_on_a_terminal_but_show_a_token_asked_for_in_full()
    {
        var (terminal, output) = Create(OutputFormat.Pretty);

        output.Data(Hostile);
        output.Data(Jwt);

        terminal.Out.ToString().Should().Be($"{HostileShown}\n{Jwt}\n");
    }

    [Fact]
    public void Should_escape_notices_and_errors_and_shorten_their_tokens()
    {
        var (terminal, output) = Create(OutputFormat.Raw, terminal: false);

        output.Info($"conversationId={Hostile}");
        output.Error($"bad {Jwt} {Hostile}");

        terminal.Error.ToString().Should().Be($"conversationId={HostileShown}\nerror: bad eyJraWQiOiIw…(redacted) {HostileShown}\n");
    }

    [Fact]
    public void Should_keep_data_and_received_raw_frames_byte_exact_when_stdout_is_not_a_terminal()
    {
        var (terminal, output) = Create(OutputFormat.Raw, terminal: false);

        output.Data(Hostile);
        output.Frame(FrameDirection.Inbound, HostileFrame);
        output.Frame(FrameDirection.Outbound, HostileFrame);

        terminal.Out.ToString().Should().Be($"{Hostile}\n{HostileFrame}\n");
        ShouldHoldNoUnsafeCharacter(terminal.Error.ToString());
    }

    [Fact]
    public void Should_escape_pretty_frames_even_when_stdout_is_not_a_terminal()
    {
        var (terminal, output) = Create(OutputFormat.Pretty, terminal: false);

        output.Frame(FrameDirection.Inbound, HostileFrame);

        ShouldHoldNoUnsafeCharacter(terminal.Out.ToString());
    }
}
