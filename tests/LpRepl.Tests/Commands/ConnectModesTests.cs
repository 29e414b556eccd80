using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Commands;

/// <summary><c>connect --init</c> (no headers, InitConnection) and <c>LP_PROPS</c>, against the real emulator.</summary>
public sealed class ConnectModesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
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
    public async Task Should_authenticate_a_headerless_socket_with_InitConnection_before_the_next_line()
    {
        var (output, code, session) = await Run(
            "signup", "LP_PROPS='{\"type\":\".ClientProperties\",\"deviceFamily\":\"MOBILE\",\"os\":\"ANDROID\"}'", "connect --init", "request-conversation");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var init = JObject.Parse(output.Sent.First());
        init["type"]!.ToString().Should().Be("InitConnection");
        init["headers"]![0]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\".ams.headers.ClientProperties\",\"deviceFamily\":\"MOBILE\",\"os\":\"ANDROID\"}");
        init["headers"]![1]!["jwt"]!.ToString().Should().Be(session.Variables["LP_JWT"]);
        output.Received.Should().Contain(r => r.Contains("Connection initialized successfully"));
        session.Variables["conversationId"].Should().NotBeNullOrEmpty("the request after InitConnection was served");
    }

    [Fact]
    public async Task Should_fail_connect_init_when_the_server_refuses_the_token()
    {
        var (output, code, session) = await Run("signup", "LP_JWT=${LP_JWT}x", "connect --init", "echo never");
        await using var _ = session;

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("InitConnection was refused (401").And.Contain("connect --init");
        output.Entries.Should().NotContain(e => e.Text == "never");
    }

    [Fact]
    public async Task Should_refuse_bad_LP_PROPS_before_opening_anything()
    {
        var (output, code, session) = await Run("signup", "LP_PROPS=[1,2]", "connect");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("LP_PROPS must be a JSON object").And.Contain("Nothing was opened");
        session.Transport.IsOpen.Should().BeFalse();
    }

    [Fact]
    public async Task Should_not_mix_InitConnection_with_an_Authorization_header()
    {
        var (output, code, session) = await Run("signup", "connect --init -H \"Authorization: jwt $LP_JWT\"");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("drop -H \"Authorization: …\"");
    }
}
