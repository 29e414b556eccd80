using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Repl;

/// <summary>The getting-started tutorial through the session, against the real emulator over TLS.</summary>
public class TutorialFlowTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_run_the_getting_started_tutorial_typed_line_by_line()
    {
        // Given
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}");
        var loop = new ReplLoop(session, lines, ReplMode.Interactive);
        var run = loop.RunAsync(CancellationToken.None);

        // When: the conversation is requested, its id is captured
        var response = await output.WaitForFrameAsync("cm.RequestConversationResponse", Timeout);
        var conversationId = (string)JObject.Parse(response.Text)["body"]!["conversationId"]!;
        Guid.TryParse(conversationId, out _).Should().BeTrue();
        response.Note.Should().StartWith("cm.ConsumerRequestConversation 1 · ");
        await output.WaitForAsync(e => e.Kind == "info" && e.Text.StartsWith("conversationId=")).WaitAsync(Timeout);
        session.Variables["conversationId"].Should().Be(conversationId);

        lines.Push("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"fromSeq\":0}}");
        await output.WaitForFrameAsync("GenericSubscribeResponse", Timeout);
        lines.Push("{\"kind\":\"req\",\"id\":3,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi there\"}}}");

        // Then: the publish is answered, and the agent answers "hi there"
        await output.WaitForFrameAsync("ms.PublishEventResponse", Timeout);
        var answer = await output.WaitForAsync(e => e.Kind == "<" && e.Text.Contains("ASSIGNED_AGENT") && e.Text.Contains("hi there"), Timeout);
        JObject.Parse(answer.Text)["type"]!.ToString().Should().Be("ms.MessagingEventNotification");
        output.Sent.Should().Contain(s => s.Contains($"\"dialogId\":\"{conversationId}\"") && s.Contains("hi there"));

        lines.Push("{\"kind\":\"req\",\"id\":4,\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"{{conversationId}}\",\"conversationField\":[{\"field\":\"ConversationStateField\",\"conversationState\":\"CLOSE\"}]}}");
        var closed = await output.WaitForAsync(e => e.Kind == "<" && e.Text.Contains("\"reqId\":\"4\""), Timeout);
        JObject.Parse(closed.Text)["code"]!.Value<int>().Should().Be(200);
        lines.End();
        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);
        output.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_run_piped_lines_in_lockstep_so_the_next_line_sees_the_captured_id()
    {
        // Given all lines at once, as from a pipe
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines(
            "signup",
            "connect",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}",
            "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi there\"}}}");
        lines.End();

        // When
        var code = await new ReplLoop(session, lines, ReplMode.Script).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        // Then
        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
        output.Received.Should().Contain(r => r.Contains("ms.PublishEventResponse") && r.Contains("\"code\":200"));
    }

    [Fact]
    public async Task Should_stop_a_script_at_the_first_failing_line_with_its_number()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("# a comment", "signup", "{\"kind\":\"req\",\"id\":1 \"type\":\"x\"}", "connect");
        lines.End();

        var code = await new ReplLoop(session, lines, ReplMode.Script, "tutorial.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().StartWith("tutorial.lprepl:3: invalid JSON at line 1, column 22");
        session.Transport.IsOpen.Should().BeFalse("the line after the failure never ran");
    }

    [Fact]
    public async Task Should_read_a_pretty_printed_frame_over_several_lines_as_one_frame()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "{", "  \"kind\": \"req\",", "  \"id\": \"c1\",", "  \"type\": \".GetClock\"", "}");
        lines.End();

        var code = await new ReplLoop(session, lines, ReplMode.Script).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        code.Should().Be(ExitCodes.Ok);
        output.Sent.Should().ContainSingle().Which.Should().Contain("\n  \"type\": \".GetClock\"");
        output.Received.Should().ContainSingle(r => r.Contains("\"reqId\":\"c1\"") && r.Contains("currentTime"));
        lines.Prompts.Should().Contain(ReplLoop.ContinuationPrompt);
    }
}
