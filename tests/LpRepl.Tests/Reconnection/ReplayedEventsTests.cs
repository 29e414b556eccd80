using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Reconnection;

/// <summary>A manual re-subscription from 0 replays the history: what was shown is not shown again, and the session says how much it skipped.</summary>
public class ReplayedEventsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_not_show_an_event_twice_when_the_user_subscribes_from_0_again_and_say_how_many_were_skipped()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "request-conversation");
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text.StartsWith("conversationId=", StringComparison.Ordinal), Timeout);
        lines.Push("subscribe-messages").Push("publish text=\"once only\"");
        await output.WaitForFrameAsync("You said: once only", Timeout);
        // The agent also receipts the consumer's message (ACCEPT, then READ): the history holds four events.
        await output.WaitForFrameAsync("\"status\":\"READ\"", Timeout);

        lines.Push("subscribe-messages from=0");
        var skipped = await output.WaitForAsync(e => e.Text.Contains("already-seen", StringComparison.Ordinal), Timeout);
        lines.Push("wait ms.MessagingEventNotification '.body.changes[*].event.message=You said: once only'").Push("echo replay seen by wait");
        await output.WaitForAsync(e => e.Text == "replay seen by wait", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        skipped.Text.Should().Be("4 already-seen event(s) not shown again (same dialog and sequence)", "the consumer's message, the agent's answer and its two receipts");
        output.Received.Count(f => f.Contains("You said: once only", StringComparison.Ordinal)).Should().Be(1);
        output.Received.Count(f => f.Contains("\"message\":\"once only\"", StringComparison.Ordinal)).Should().Be(1);
        output.Errors.Should().BeEmpty();
    }
}
