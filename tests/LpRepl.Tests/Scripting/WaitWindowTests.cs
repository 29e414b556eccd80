using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Scripting;

/// <summary>A frame that arrives while one wait waits is still there for the next wait.</summary>
public class WaitWindowTests(SlowAgentEmulatorFixture emulator) : IClassFixture<SlowAgentEmulatorFixture>
{
    [Fact]
    public async Task Should_let_a_frame_that_came_during_the_previous_wait_satisfy_the_next_one()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines(
            "signup", "connect", "request-conversation", "subscribe-messages", "publish text=one", "publish text=two",
            // The answer to "one" comes first, while this wait waits for the answer to "two".
            "wait ms.MessagingEventNotification '.body.changes[0].event.message=You said: two'",
            "wait ms.MessagingEventNotification '.body.changes[0].event.message=You said: one' timeout=1");
        lines.End();

        var code = await new ReplLoop(session, lines, ReplMode.Script).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
    }
}
