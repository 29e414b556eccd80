using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Repl;

/// <summary>Templates typed at the prompt: one word instead of a hand-edited frame, against the real emulator.</summary>
public class TemplateSessionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private async Task<CollectingOutput> RunScript(params string[] lines)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script).RunAsync(CancellationToken.None).WaitAsync(Timeout);
        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
        return output;
    }

    [Fact]
    public async Task Should_send_the_tutorial_with_templates_filling_in_ids_and_the_conversation()
    {
        var output = await RunScript("signup", "connect", "request-conversation", "publish text=\"hi there\"");

        var conversationId = JObject.Parse(output.Received.First(r => r.Contains("cm.RequestConversationResponse")))["body"]!["conversationId"]!.ToString();
        output.Sent.Should().Equal(
            "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}",
            $"{{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogId\":\"{conversationId}\",\"event\":{{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi there\"}}}}}}");
        output.Received.Should().Contain(r => r.Contains("\"reqId\":\"2\"") && r.Contains("ms.PublishEventResponse") && r.Contains("\"code\":200"));
    }

    [Fact]
    public async Task Should_skip_ids_already_used_by_raw_frames()
    {
        var output = await RunScript("signup", "connect", "{\"kind\":\"req\",\"id\":1,\"type\":\".GetClock\"}", "{\"kind\":\"req\",\"id\":\"2\",\"type\":\".GetClock\"}", "get-clock");

        output.Sent.Last().Should().Be("{\"kind\":\"req\",\"id\":3,\"type\":\".GetClock\"}");
    }

    [Fact]
    public async Task Should_print_without_sending_on_render_and_dry_run()
    {
        var output = await RunScript("conversationId=abc", "render publish text=one", "publish text=two --dry-run");

        output.Sent.Should().BeEmpty();
        output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).Should().Equal(
            "{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"abc\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"one\"}}}",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"abc\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"two\"}}}");
    }

    [Fact]
    public async Task Should_list_templates_and_show_one_with_an_example()
    {
        var output = await RunScript("conversationId=abc", "templates", "template show publish");

        var data = output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).ToList();
        data[0].Split('\n').Should().Contain(l => l.StartsWith("publish ") && l.Contains("publish a text message"));
        data[1].Should().StartWith("# built-in publish; to change it, save a copy as ").And.Contain(Path.Combine("lprepl", "templates", "publish.json.sbn") + " (it overrides the built-in by name)\n");
        data[1].Should().Contain("required = [\"text\"]").And.Contain("# usage: publish text=… [dialog=…]").And.Contain("\"message\":\"example\"");
    }

    [Fact]
    public async Task Should_suggest_the_nearest_template_for_a_typo_and_send_nothing_on_errors()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("publsh text=hi", "publish text=hi", "publish hi", "send nope");
        lines.End();

        await new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        output.Errors.Should().HaveCount(4);
        output.Errors.ElementAt(0).Should().Be("unknown command 'publsh': did you mean 'publish'? ('help' lists every command)");
        output.Errors.ElementAt(1).Should().Be("publish: conversationId is not set: request a conversation first (request-conversation)\nNothing was sent.");
        output.Errors.ElementAt(2).Should().StartWith("bad argument 'hi': arguments are NAME=VALUE");
        output.Errors.ElementAt(3).Should().Be("no template 'nope'; 'templates' lists them");
        output.Sent.Should().BeEmpty();
    }
}
