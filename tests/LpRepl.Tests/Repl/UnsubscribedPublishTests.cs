using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Repl;

/// <summary>
/// The tutorial followed literally publishes without ms.SubscribeMessagingEvents, so the agent's answers
/// never arrive: the accepted publish says so once per conversation, and how to see them; a subscribed
/// session is told nothing.
/// </summary>
public sealed class UnsubscribedPublishTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Note = "note: this session is not subscribed to the messaging events of ";

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        return (output, code, session);
    }

    [Fact]
    public async Task Should_say_once_that_the_agents_answers_need_a_subscription()
    {
        var (output, code, session) = await Run(
            "signup", "connect", "request-conversation", "publish text=one", "publish text=two",
            "subscribe-messages", "wait GenericSubscribeResponse", "publish text=three");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join("\n", output.Entries));
        var notes = output.Entries.Where(e => e.Text.StartsWith(Note, StringComparison.Ordinal)).ToList();
        notes.Should().ContainSingle("once per conversation, and not after subscribing")
            .Which.Text.Should().Contain(session.Variables["conversationId"]!).And.Contain("'subscribe-messages' (ms.SubscribeMessagingEvents) shows them");
        notes[0].Kind.Should().Be("info", "a diagnostic, not data");
    }

    [Fact]
    public async Task Should_say_nothing_to_a_session_that_subscribed_before_publishing()
    {
        var (output, code, session) = await Run(
            "signup", "connect", "request-conversation", "subscribe-messages", "wait GenericSubscribeResponse", "publish text=hi");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok);
        output.Entries.Should().NotContain(e => e.Text.StartsWith(Note, StringComparison.Ordinal));
    }
}
