using LpRepl.Repl;
using LpRepl.Tests.Support;
using LpRepl.Tests.Templating;

namespace LpRepl.Tests.Scripting;

/// <summary>
/// A wait is satisfied only by a frame of its own window: the current connection, since the script
/// began, about the current conversation — never by what an earlier socket or conversation left in the log.
/// </summary>
public class StaleWaitTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_not_let_a_script_capture_the_answer_to_a_message_of_an_earlier_socket()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var (lines, loop) = await SayFirstAsync(session, output);
        var script = Path.Combine(TemplateFixture.RepoRoot, "scripts", "getting-started.lprepl");
        lines.Push("disconnect").Push($"run {script}");
        lines.End();

        (await loop.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);

        output.Errors.Should().BeEmpty();
        session.Variables["agentMessage"].Should().Be("You said: hi there", "the script's own conversation answered it");
    }

    [Fact]
    public async Task Should_not_let_a_wait_match_a_frame_of_an_earlier_connection_unless_asked()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "get-clock");
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForFrameAsync(".GetClock$Response", Timeout);
        lines.Push("disconnect").Push("connect").Push("wait '.GetClock$Response' timeout=1");
        var refused = await output.WaitForAsync(e => e.Kind == "error", Timeout);
        lines.Push("capture t=.type from '.GetClock$Response'");
        var notCaptured = await output.WaitForAsync(e => e.Kind == "error" && e != refused, Timeout);
        lines.Push("wait '.GetClock$Response' since=session timeout=1").Push("echo done");
        await output.WaitForAsync(e => e.Text == "done", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        refused.Text.Should().StartWith("wait .GetClock$Response: nothing matched within 1 s");
        notCaptured.Text.Should().Be("no .GetClock$Response frame received on this connection yet");
        output.Errors.Should().HaveCount(2, "since=session looks at every frame the log still holds");
    }

    [Fact]
    public async Task Should_not_let_a_message_of_an_earlier_conversation_satisfy_a_wait()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var (lines, loop) = await SayFirstAsync(session, output);
        var first = session.Variables["conversationId"]!;
        lines.Push("close-conversation").Push("request-conversation");
        await output.WaitForAsync(e => e.Kind == "info" && e.Text.StartsWith("conversationId=", StringComparison.Ordinal) && !e.Text.Contains(first, StringComparison.Ordinal), Timeout);
        lines.Push("wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT timeout=1");
        var refused = await output.WaitForAsync(e => e.Kind == "error", Timeout);
        // Naming the earlier dialog asks for it explicitly.
        lines.Push($"wait ms.MessagingEventNotification .body.changes[0].dialogId={first} .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT timeout=1").Push("echo done");
        await output.WaitForAsync(e => e.Text == "done", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        refused.Text.Should().StartWith("wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT: nothing matched within 1 s");
        output.Errors.Should().ContainSingle();
    }

    // As a person types it: each line once the previous answer has shown, and no wait.
    private static async Task<(ScriptedLines Lines, Task<int> Loop)> SayFirstAsync(ReplSession session, CollectingOutput output)
    {
        var lines = new ScriptedLines("signup", "connect", "request-conversation");
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Kind == "info" && e.Text.StartsWith("conversationId=", StringComparison.Ordinal), Timeout);
        lines.Push("subscribe-messages").Push("publish text=first");
        await output.WaitForFrameAsync("You said: first", Timeout);
        return (lines, loop);
    }
}
