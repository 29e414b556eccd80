using LpRepl.Frames;
using LpRepl.Terminal;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Terminal;

/// <summary>
/// With standard output not a terminal (<c>lprepl run … &gt; out.txt</c>, <c>| jq</c>), standard output holds received
/// frames only, each a JSON document with no marker or note; the rest goes to standard error.
/// </summary>
public class PipedOutputTests
{
    private const string Response = "{\"kind\":\"resp\",\"reqId\":\"3\",\"code\":200,\"body\":{\"sequence\":0},\"type\":\"ms.PublishEventResponse\"}";

    private static (FakeTerminal Terminal, TerminalOutput Output) Piped(OutputFormat format)
    {
        var terminal = new FakeTerminal { OutputIsTerminal = false };
        return (terminal, new TerminalOutput(new WriteGate(terminal), format, color: false));
    }

    [Theory]
    [InlineData(OutputFormat.Raw)]
    [InlineData(OutputFormat.Compact)]
    public void Should_put_one_received_frame_per_line_and_nothing_else_on_stdout(OutputFormat format)
    {
        var (terminal, output) = Piped(format);

        output.Frame(FrameDirection.Outbound, "{\"kind\":\"req\",\"id\":3,\"type\":\"ms.PublishEvent\"}");
        output.Frame(FrameDirection.Inbound, Response, "ms.PublishEvent 3 · 4 ms");
        output.Report("agentMessage=You said: hi there");
        output.Info("connected");

        var lines = terminal.Out.ToString().TrimEnd('\n').Split('\n');
        lines.Should().ContainSingle();
        JToken.DeepEquals(JObject.Parse(lines[0]), JObject.Parse(Response)).Should().BeTrue(lines[0]);
        terminal.Error.ToString().Should().Contain("> {\"kind\":\"req\"").And.Contain("agentMessage=You said: hi there").And.Contain("connected");
    }

    [Fact]
    public void Should_print_a_pretty_frame_as_indented_json_without_marker_or_note()
    {
        var (terminal, output) = Piped(OutputFormat.Pretty);

        output.Frame(FrameDirection.Inbound, Response, "ms.PublishEvent 3 · 4 ms");
        output.Frame(FrameDirection.Inbound, Response);

        var text = terminal.Out.ToString();
        text.Should().StartWith("{\n  \"kind\": \"resp\",").And.NotContain("<").And.NotContain("4 ms");
        // Two documents in a row: what jq reads as a stream.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { SupportMultipleContent = true };
        var documents = 0;
        while (reader.Read())
        {
            JToken.ReadFrom(reader);
            documents++;
        }
        documents.Should().Be(2);
    }

    [Fact]
    public void Should_keep_a_compact_frame_on_one_line_whatever_line_breaks_the_server_put_in_it()
    {
        var (terminal, output) = Piped(OutputFormat.Compact);

        output.Frame(FrameDirection.Inbound, "{\n  \"kind\": \"notification\",\n  \"body\": {\"changes\": []}\n}");

        terminal.Out.ToString().Should().Be("{\"kind\":\"notification\",\"body\":{\"changes\":[]}}\n");
    }

    [Theory]
    [InlineData(OutputFormat.Pretty)]
    [InlineData(OutputFormat.Compact)]
    public void Should_tell_a_frame_that_is_not_json_on_stderr_not_stdout(OutputFormat format)
    {
        var (terminal, output) = Piped(format);

        output.Frame(FrameDirection.Inbound, "not json", "not valid JSON");

        terminal.Out.ToString().Should().BeEmpty();
        terminal.Error.ToString().Should().Be("< not json  (not valid JSON)\n");
    }

    [Fact]
    public void Should_keep_what_a_script_prints_on_purpose_on_stdout()
    {
        var (terminal, output) = Piped(OutputFormat.Raw);

        output.Data("{\"echoed\":true}");

        terminal.Out.ToString().Should().Be("{\"echoed\":true}\n");
        terminal.Error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Should_report_on_stdout_at_a_terminal()
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(new WriteGate(terminal), OutputFormat.Pretty, color: false);

        output.Report("agentMessage=You said: hi there");

        terminal.Out.ToString().Should().Be("agentMessage=You said: hi there\n");
    }
}
