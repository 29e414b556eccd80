using LpRepl.App.Agent;
using LpRepl.Emulator.Agent;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Agent;

/// <summary>
/// The agent console's lines against a real emulator (manual agent), with a REPL session as the consumer:
/// what each prints, and that what a consumer wrote reaches the terminal escaped.
/// </summary>
public sealed class AgentConsoleTests(ManualAgentEmulatorFixture emulator) : IClassFixture<ManualAgentEmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly List<string> _printed = [];

    private AgentConsole NewConsole() => new(emulator.Server.AgentSeat, line =>
    {
        lock (_printed)
        {
            _printed.Add(line);
        }
    });

    private string Printed()
    {
        lock (_printed)
        {
            return string.Join('\n', _printed);
        }
    }

    // The consumer: a session that signs up, opens a conversation, subscribes and publishes.
    private async Task<(ReplSession Session, CollectingOutput Output)> ConsumerAsync(params string[] more)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var lines = new ScriptedLines(["signup", "connect", "request-conversation", "subscribe-messages", .. more]);
        lines.End();
        var code = await new ReplLoop(session, lines, ReplMode.Script, "consumer.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        return (session, output);
    }

    [Fact]
    public async Task Should_list_accept_and_answer_the_newest_conversation()
    {
        var (session, _) = await ConsumerAsync("publish text=\"hi there\"");
        await using var _s = session;
        var id = session.Variables["conversationId"]!;
        var console = NewConsole();

        console.Prompt.Should().Be($"agent {id[..8]}> ", "the prompt names the conversation the next command is for");
        console.Run("conversations").Should().BeTrue();
        Printed().Should().Contain($"* {id}  consumer ").And.Contain("  waiting   consumer: hi there");
        console.Run("accept");
        console.Run("say hello from the agent");

        Printed().Should().Contain($"{id[..8]}: accepted conversation {id}").And.Contain($"{id[..8]}: said \"hello from the agent\" (sequence 1)");
        console.Run("close " + id[..6]);
        Printed().Should().Contain($"{id[..8]}: closed conversation {id}");
    }

    [Fact]
    public async Task Should_type_stop_typing_and_read_by_an_id_prefix()
    {
        var (session, _) = await ConsumerAsync("publish text=\"are you there?\"");
        await using var _s = session;
        var id = session.Variables["conversationId"]!;
        var console = NewConsole();

        console.Run("accept " + id[..5]);
        console.Run("typing " + id[..5]);
        console.Run("typing off");
        console.Run("read");
        console.Run("read");

        Printed().Should().Contain($"{id[..8]}: is typing (COMPOSING)")
            .And.Contain($"{id[..8]}: stopped typing (ACTIVE)")
            .And.Contain($"{id[..8]}: read the consumer's messages 0 (sequence 2)")
            .And.Contain($"error: {id[..8]}: nothing to read: no consumer message since the last read");
        console.Run("close");
    }

    [Fact]
    public async Task Should_say_why_an_action_cannot_be_taken_in_the_consoles_words()
    {
        var (session, _) = await ConsumerAsync();
        await using var _s = session;
        var id = session.Variables["conversationId"]!;
        var console = NewConsole();

        console.Run("use " + id[..8]);
        console.Run("say too early");
        console.Run("use zz");
        console.Run("mode robot");
        console.Run("frobnicate");

        Printed().Should().Contain($"using conversation {id} (waiting)")
            .And.Contain($"error: {id[..8]}: the agent has not accepted this conversation: 'accept' first")
            .And.Contain("error: no conversation starts with 'zz' ('conversations' lists them)")
            .And.Contain("error: mode must be auto, manual or silent (not 'robot')")
            .And.Contain("error: unknown command 'frobnicate'");
        console.Run("close");
    }

    [Fact]
    public async Task Should_escape_what_a_consumer_wrote_in_notices_and_the_listing()
    {
        var console = NewConsole();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(AgentActivity activity)
        {
            if (activity.Kind == AgentActivityKind.Message)
            {
                console.Tell(activity);
                told.TrySetResult();
            }
        }
        emulator.Server.AgentSeat.Activity += Watch;
        try
        {
            // ESC ] 2 ; … BEL retitles a terminal; ESC [ 2 J clears it.
            // A raw frame: JSON's \u escapes become the characters themselves in the message.
            var (session, _) = await ConsumerAsync("{\"kind\":\"req\",\"id\":90,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"\\u001b]2;pwned\\u0007\\u001b[2Jhi\"}}}");
            await using var _s = session;
            await told.Task.WaitAsync(Timeout);
            var id = session.Variables["conversationId"]!;
            console.Run("use " + id);
            console.Run("conversations");

            emulator.Server.AgentSeat.Conversations().Single(c => c.Id == id).LastMessage.Should().StartWith("\u001b]2;pwned\u0007", "the consumer really sent the control characters");
            Printed().Should().NotContain("\u001b").And.NotContain("\u0007");
            Printed().Should().Contain($"consumer {id[..8]}: \\u001b]2;pwned\\u0007\\u001b[2Jhi");
            Printed().Should().Contain("consumer: \\u001b]2;pwned\\u0007\\u001b[2Jhi");
            console.Run("close");
        }
        finally
        {
            emulator.Server.AgentSeat.Activity -= Watch;
        }
    }

    [Fact]
    public void Should_stop_at_quit()
    {
        var console = NewConsole();

        console.Run("help").Should().BeTrue();
        console.Run("quit").Should().BeFalse();
        Printed().Should().Contain("say TEXT").And.Contain("Tab completes it");
    }
}
