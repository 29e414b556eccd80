using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Protocol;

/// <summary>
/// The lint at the session's one send path: a frame that does not fit the model is sent with a
/// warning naming the path and a suggestion; with strict on it is refused, nothing is sent, and a
/// script fails at its line.
/// </summary>
public sealed class FrameLintSessionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private const string Misspelt = """{"kind":"req","id":"lint-1","type":"cqm.SubscribeExConversations","body":{"convstate":["OPEN"]}}""";

    private const string Warning = "cqm.SubscribeExConversations does not fit the protocol; sent anyway ('strict on' refuses such frames): body.convstate: unknown field; did you mean 'convState'?";

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> Script(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "lint.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }

    // At the prompt, as a person types: the answer to the frame, whatever its code, shows it reached the server.
    private async Task<(CollectingOutput Output, ReplSession Session)> TypeAsync(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines("signup", "connect");
        var loop = new ReplLoop(session, source, ReplMode.Interactive).RunAsync(CancellationToken.None);
        await output.WaitForAsync(e => e.Kind == "info" && e.Text.StartsWith("connected", StringComparison.Ordinal), Timeout);
        foreach (var line in lines)
        {
            source.Push(line);
        }
        await output.WaitForFrameAsync("\"reqId\":\"lint-1\"", Timeout);
        source.End();
        await loop.WaitAsync(Timeout);
        return (output, session);
    }

    [Fact]
    public async Task Should_warn_with_the_path_and_a_suggestion_and_send_the_frame()
    {
        var (output, session) = await TypeAsync(Misspelt);
        await using var _ = session;

        output.Warnings.Should().Equal(Warning);
        output.Sent.Should().Contain(Misspelt);
    }

    [Fact]
    public async Task Should_refuse_the_frame_with_strict_on_send_nothing_and_fail_the_script_at_its_line()
    {
        var (output, code, session) = await Script("signup", "connect", "strict on", Misspelt, "echo not reached");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().Equal("lint.lprepl:4: cqm.SubscribeExConversations does not fit the protocol (strict on), so nothing was sent: body.convstate: unknown field; did you mean 'convState'?");
        output.Sent.Should().BeEmpty();
        session.FramesOut.Should().Be(0);
        output.Entries.Should().NotContain(e => e.Kind == "data" && e.Text == "not reached");
    }

    [Fact]
    public async Task Should_list_every_finding_of_a_refused_frame_on_its_own_line()
    {
        var (output, code, session) = await Script("signup", "connect", "strict on",
            """{"kind":"req","id":"lint-2","type":"ms.PublishEvent","body":{"dialogID":"d","event":{"type":"ChatStateEvent","chatState":"TYPING"}}}""");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().Equal(
            "lint.lprepl:4: ms.PublishEvent does not fit the protocol (strict on), so nothing was sent:\n"
            + "  body.dialogID: unknown field; did you mean 'dialogId'? (dialogId is required)\n"
            + "  body.event.chatState: \"TYPING\" is not one of ACTIVE, INACTIVE, GONE, COMPOSING, PAUSE");
    }

    [Fact]
    public async Task Should_send_with_a_warning_again_after_strict_off_and_say_which_it_is()
    {
        var (output, session) = await TypeAsync("strict on", "strict", "strict off", "strict", Misspelt);
        await using var _ = session;

        output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).Should().Equal(
            "strict on: a frame that does not fit the protocol model is refused, and nothing is sent",
            "strict off: a frame that does not fit the protocol model is sent, with a warning");
        output.Warnings.Should().Equal(Warning);
        output.Sent.Should().Contain(Misspelt);
    }

    [Fact]
    public async Task Should_refuse_a_word_other_than_on_or_off()
    {
        var (output, code, session) = await Script("strict maybe");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().Equal("lint.lprepl:1: strict takes on or off, not 'maybe'; usage: strict [on|off]");
    }

    [Fact]
    public async Task Should_say_nothing_about_the_frames_of_a_whole_conversation_made_of_templates()
    {
        var (output, code, session) = await Script("signup", "connect --init", "subscribe-conversations", "request-conversation",
            "subscribe-messages", "publish text=hello", "wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT .body.changes[0].event.type=ContentEvent",
            "accept", "read", "chat-state", "get-clock", "keep-alive", "close-conversation", "csat rate=4", "unsubscribe-conversations");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join("\n", output.Errors));
        output.Warnings.Should().BeEmpty();
    }
}
