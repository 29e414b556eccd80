using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Repl;

/// <summary>Bad input gets a clear error, sends nothing, and the REPL goes on.</summary>
public class BadInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private async Task<(CollectingOutput Output, int Code)> RunInteractive(params string[] input)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines(input);
        lines.End();
        var code = await new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code);
    }

    [Fact]
    public async Task Should_name_line_and_column_of_malformed_json_and_send_nothing()
    {
        var (output, code) = await RunInteractive("signup", "connect", "{\"kind\":\"req\",", "\"id\":1,,}", "echo still here");

        output.Errors.Should().HaveCount(1);
        output.Errors.Single().Should().StartWith("invalid JSON at line 2, column 8:").And.EndWith("Nothing was sent.");
        output.Sent.Should().BeEmpty();
        output.Entries.Last().Should().Be(new OutputEntry("data", "still here", null));
        code.Should().Be(ExitCodes.Ok);
    }

    [Fact]
    public async Task Should_suggest_the_nearest_command_for_an_unknown_one()
    {
        var (output, _) = await RunInteractive("conect", "frobnicate", "echo ok");

        output.Errors.Should().Equal(
            "unknown command 'conect': did you mean 'connect'? ('help' lists every command)",
            "unknown command 'frobnicate': type 'help' for the list of commands");
        output.Entries.Last().Text.Should().Be("ok");
    }

    [Fact]
    public async Task Should_refuse_a_frame_before_connect()
    {
        var (output, _) = await RunInteractive("{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}");

        output.Errors.Should().Equal("not connected: run 'connect' first (after 'signup'). Nothing was sent.");
    }

    [Fact]
    public async Task Should_refuse_connect_without_a_token()
    {
        var (output, _) = await RunInteractive("connect");

        output.Errors.Should().ContainSingle().Which.Should().StartWith("LP_JWT is not set: run 'signup' first");
    }

    [Fact]
    public async Task Should_report_a_forged_token_refused_by_the_server()
    {
        // The server (as the protocol overview documents) accepts the upgrade and closes with 4401 and its
        // reason; connect waits for its GetClock to be answered, so it fails itself and quotes the close.
        var (output, _) = await RunInteractive("LP_JWT=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA", "connect");

        output.Errors.Should().ContainSingle().Which.Should()
            .Contain("closed it with 4401: \"Unauthorized: bad token signature\" before answering").And.Contain("'signup'");
        output.Entries.Should().NotContain(e => e.Text.StartsWith("connected to", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("connect -H \"Authorization: jwt abc.def.ghi\"")]
    [InlineData("wscat -c wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3 -H \"Authorization: jwt abc.def.ghi\"")]
    public async Task Should_point_at_the_header_when_its_own_token_is_refused(string line)
    {
        // LP_JWT is good here: the refused token is the one written in -H, and that is what to fix.
        var (output, _) = await RunInteractive("signup", line);

        var error = output.Errors.Should().ContainSingle().Subject;
        error.Should().Contain("closed it with 4401: \"Unauthorized: malformed token\" before answering: the token in -H \"Authorization: …\" was refused")
            .And.Contain("put a valid token in -H").And.NotContain("LP_JWT was refused");
    }

    [Fact]
    public async Task Should_name_a_missing_template_variable_and_send_nothing()
    {
        var (output, _) = await RunInteractive("signup", "connect", "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"{{conversationId}}\"}}");

        output.Errors.Should().ContainSingle().Which.Should().StartWith("conversationId is not set: request a conversation first (request-conversation) (the frame's {{ }} at line 1, column ")
            .And.EndWith("Nothing was sent.").And.NotContain("was not found");
        output.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_hint_at_the_tutorial_placeholder_instead_of_sending_it()
    {
        var (output, _) = await RunInteractive("signup", "connect", "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\"}}");

        output.Errors.Should().ContainSingle().Which.Should().Contain("{{conversationId}}");
        output.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_show_a_server_error_response_for_a_dialog_the_consumer_does_not_own()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "{\"kind\":\"req\",\"id\":7,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"0b6b1a5c-5b8a-4b9c-9d59-2a2b7e1e0c11\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\"}}}");
        var run = new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None);

        var error = await output.WaitForFrameAsync("\"reqId\":\"7\"", Timeout);

        error.Text.Should().Contain("\"code\":404");
        lines.End();
        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);
    }

    [Fact]
    public async Task Should_refuse_a_multi_line_frame_over_its_cap_reading_all_of_it_and_sending_nothing()
    {
        // 17 lines of 1 MiB inside one frame: past the 16 MiB frame cap. None of its lines may run as a command.
        var megabyte = "\"" + new string('x', 1024 * 1024) + "\",";
        var lines = new[] { "signup", "connect", "{\"kind\":\"req\",\"id\":1,\"type\":\".GetClock\",\"pad\":[" }
            .Concat(Enumerable.Repeat(megabyte, 17))
            .Concat(["\"end\"]}", "echo still here"])
            .ToArray();

        var (output, code) = await RunInteractive(lines);

        output.Errors.Should().ContainSingle().Which.Should().MatchRegex(@"^a frame of \d+ characters over lines 3-21 is longer than 16 MiB; nothing was sent$");
        output.Sent.Should().BeEmpty();
        output.Entries.Last().Should().Be(new OutputEntry("data", "still here", null));
        code.Should().Be(ExitCodes.Ok);
    }

    [Fact]
    public async Task Should_stop_a_script_at_the_frame_cap_when_the_frame_never_closes()
    {
        // An endless stream of lines that each open a bracket and carry 64 KiB: the script must end, not read forever.
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new EndlessLines("[\"" + new string('x', 64 * 1024) + "\",");

        var code = await new ReplLoop(session, lines, ReplMode.Script, "endless.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().MatchRegex(@"^endless\.lprepl:1: a frame of at least \d+ characters over lines 1-\d+ is longer than 16 MiB; nothing was sent$");
        lines.Read.Should().BeLessThan(300, "reading stops at the cap (16 MiB / 64 KiB = 256 lines)");
        output.Sent.Should().BeEmpty();
    }
}
