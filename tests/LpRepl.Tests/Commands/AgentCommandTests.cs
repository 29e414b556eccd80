using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Commands;

/// <summary>The <c>agent</c> command plays the emulator's agent from the REPL, as the tutorials' person in LiveEngage.</summary>
public sealed class AgentCommandTests(ManualAgentEmulatorFixture emulator) : IClassFixture<ManualAgentEmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }

    [Fact]
    public async Task Should_accept_type_say_read_and_close_on_the_sessions_conversation()
    {
        var (output, code, session) = await Run(
            "signup", "connect", "subscribe-conversations", "request-conversation", "subscribe-messages",
            "agent accept",
            "wait cqm.ExConversationChangeNotification .body.changes[0].result.conversationDetails.participants[1].role=ASSIGNED_AGENT",
            "agent typing",
            "wait ms.MessagingEventNotification .body.changes[0].event.chatState=COMPOSING",
            "agent say Hello, I am Emma. How can I help?",
            "wait ms.MessagingEventNotification .body.changes[0].event.message=\"Hello, I am Emma. How can I help?\"",
            "publish text=\"my parcel is late\"",
            "agent read",
            "wait ms.MessagingEventNotification .body.changes[0].event.status=READ",
            "agent close",
            "wait cqm.ExConversationChangeNotification .body.changes[0].result.conversationDetails.closeReason=AGENT");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var infos = output.Entries.Where(e => e.Kind == "info" && e.Text.StartsWith("as the agent: ")).Select(e => e.Text).ToList();
        infos.Should().Equal(
            $"as the agent: accepted conversation {session.Variables["conversationId"]}",
            "as the agent: is typing (COMPOSING)",
            "as the agent: said \"Hello, I am Emma. How can I help?\" (sequence 0)",
            "as the agent: read the consumer's messages 1 (sequence 3)",
            $"as the agent: closed conversation {session.Variables["conversationId"]}");
        var read = output.Received.Select(JObject.Parse).Last(f => (string?)f.SelectToken("body.changes[0].event.status") == "READ");
        read.SelectToken("body.changes[0].event.sequenceList")!.Values<int>().Should().Equal(1);
    }

    [Fact]
    public async Task Should_refuse_to_speak_before_accepting_and_name_the_fix()
    {
        var (output, code, session) = await Run("signup", "connect", "request-conversation", "agent say hi");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("agent: the agent has not accepted this conversation: 'agent accept' first");
    }

    [Fact]
    public async Task Should_switch_mode_and_report_bad_ones()
    {
        var (output, code, session) = await Run("agent mode", "agent mode silent", "agent mode", "agent mode manual", "agent mode robot");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).Should().Equal("manual", "silent");
        output.Errors.Should().ContainSingle().Which.Should().Contain("mode must be auto, manual or silent (not 'robot')");
    }

    [Fact]
    public async Task Should_need_a_conversation_first()
    {
        // An account nobody has used in this emulator: no conversation to act on.
        var (output, code, session) = await Run("LP_ACCOUNT=untouched-account", "agent accept");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("no conversation yet: request one first");
    }

    [Fact]
    public async Task Should_show_the_agent_mode_in_status()
    {
        var (output, code, session) = await Run("status");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok);
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "target: the embedded emulator, agent mode manual");
    }
}
