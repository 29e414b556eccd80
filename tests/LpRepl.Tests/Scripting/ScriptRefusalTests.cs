using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Scripting;

/// <summary>A request the server refuses fails the script, unless the next line waits for that refusal.</summary>
public class ScriptRefusalTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const string PublishToNowhere =
        "{\"kind\":\"req\",\"id\":\"p1\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"no-such-dialog\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\"}}}";

    // The answer's own type, which is not always the request's name + "Response" (GenericSubscribeResponse, StringResponse, …).
    private const string RequestWithBadChannel =
        "{\"kind\":\"req\",\"id\":\"c1\",\"type\":\"cm.ConsumerRequestConversation\",\"body\":{\"channelType\":\"BOGUS\"}}";

    private async Task<(CollectingOutput Output, int Code)> Script(params string[] lines)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code);
    }

    [Fact]
    public async Task Should_fail_at_the_refused_line_when_nothing_waits_for_the_refusal()
    {
        var (output, code) = await Script("signup", "connect", PublishToNowhere, "# a comment does not count", "echo after");

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .MatchRegex(@"^test\.lprepl:3: the server refused ms\.PublishEvent id p1 with code 4\d\d \(.+\); if that is expected, say so on the next line: wait ms\.PublishEventResponse \.code=4\d\d$");
        output.Entries.Should().NotContain(e => e.Kind == "data" && e.Text == "after", "the script stops at the refusal");
    }

    [Fact]
    public async Task Should_suggest_a_wait_for_the_type_the_refusal_came_as()
    {
        var (output, code) = await Script("signup", "connect", RequestWithBadChannel);

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .EndWith("if that is expected, say so on the next line: wait cm.RequestConversationResponse .code=400");
    }

    [Fact]
    public async Task Should_accept_the_wait_the_refusal_suggests()
    {
        var (output, code) = await Script("signup", "connect", RequestWithBadChannel, "wait cm.RequestConversationResponse .code=400", "echo after");

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "after");
    }

    [Theory]
    [InlineData(".ReqBody$StringResp", "wait '.ReqBody$StringResp' .code=400")]
    [InlineData("x\u001b[2J", "wait cm.ConsumerRequestConversationResponse .code=400")]
    [InlineData(null, "wait cm.ConsumerRequestConversationResponse .code=400")]
    public void Should_suggest_a_wait_the_line_can_take(string? responseType, string suggestion)
    {
        var refusals = new ScriptRefusals();
        var request = new PendingRequest("c1", "cm.ConsumerRequestConversation", 0);
        refusals.Note([new RefusedRequest(request, 400, null, 7, responseType)], 3);

        refusals.Unsettled(new HashSet<long>())!.Value.Error.Should().EndWith(suggestion);
    }

    [Fact]
    public async Task Should_fail_a_refusal_on_the_last_line()
    {
        var (output, code) = await Script("signup", "connect", PublishToNowhere);

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().StartWith("test.lprepl:3: the server refused ms.PublishEvent id p1 with code 4");
    }

    [Fact]
    public async Task Should_accept_a_refusal_the_next_line_waits_for()
    {
        var (output, code) = await Script("signup", "connect", PublishToNowhere, "", "wait ms.PublishEventResponse .reqId=p1", "echo after");

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "after");
    }

    [Fact]
    public async Task Should_not_count_a_refusal_from_before_the_script()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var interactive = new ScriptedLines("signup", "connect", PublishToNowhere);
        interactive.End();
        await new ReplLoop(session, interactive, ReplMode.Interactive) { CloseAtEnd = false }.RunAsync(CancellationToken.None).WaitAsync(Timeout);
        await session.Pending.WaitAllAsync(Timeout, CancellationToken.None);
        var script = new ScriptedLines("get-clock", "echo after");
        script.End();

        var code = await new ReplLoop(session, script, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
    }
}
