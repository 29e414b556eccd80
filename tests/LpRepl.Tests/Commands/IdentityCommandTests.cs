using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary><c>authenticate</c> and <c>anonymous</c> against the real emulator's identity service, and their refusals.</summary>
public sealed class IdentityCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
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
    public async Task Should_trade_an_external_token_for_LP_AUTH_JWT_and_LP_JWT_and_connect_with_it()
    {
        var external = emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-42");
        var (output, code, session) = await Run($"LP_EXT_JWT={external}", "authenticate", "connect", "request-conversation");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        session.Variables["LP_JWT"].Should().Be(session.Variables["LP_AUTH_JWT"]).And.NotBe(external);
        session.Variables["conversationId"].Should().NotBeNullOrEmpty();
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("LP_AUTH_JWT=eyJ") && e.Text.Contains("…(redacted), LP_JWT="));
        output.Entries.Should().NotContain(e => e.Text.Contains(session.Variables["LP_JWT"]!), "the whole token is never shown");
    }

    [Fact]
    public async Task Should_report_the_identity_service_refusal_of_a_forged_token()
    {
        var external = emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-42");
        var forged = external[..^4] + (external.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var (output, code, session) = await Run("authenticate " + forged, "echo never");
        await using var _ = session;

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("authenticate at https://").And.Contain("answered HTTP 401");
        session.Variables["LP_JWT"].Should().BeNull("nothing is stored when the exchange fails");
    }

    [Fact]
    public async Task Should_say_where_the_external_token_comes_from_when_there_is_none()
    {
        var (output, code, session) = await Run("authenticate");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("set LP_EXT_JWT");
    }

    [Fact]
    public async Task Should_run_the_anonymous_flow_and_refresh_keeping_the_consumer()
    {
        var (output, code, session) = await Run($"LP_CONN_ID={emulator.Server.ConnectorId}", "anonymous", "jwt", "FIRST=$UNAUTH_JWT", "anonymous --refresh", "connect");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        // Within the same second a refresh may well be byte-identical (same sub, iat and exp): only the identity is asserted.
        session.Variables["UNAUTH_JWT"].Should().StartWith("eyJ");
        var consumers = output.Entries.Where(e => e.Kind == "info" && e.Text.StartsWith("LP_JWT=")).Select(e => e.Text[e.Text.IndexOf("consumer ", StringComparison.Ordinal)..]).ToList();
        consumers.Should().HaveCount(2).And.OnlyContain(c => c == consumers[0], "the refreshed identity is the same consumer");
    }

    [Fact]
    public async Task Should_report_an_unknown_connector()
    {
        var (output, code, session) = await Run("anonymous no-such-connector");
        await using var _ = session;

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("app/no-such-connector/authenticate").And.Contain("HTTP 404");
    }

    [Theory]
    [InlineData("authenticate")]
    [InlineData("anonymous")]
    public async Task Should_warn_that_the_open_socket_keeps_its_old_token_when_a_new_LP_JWT_comes_while_connected(string identity)
    {
        var external = emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-43");
        var (output, code, session) = await Run(
            $"LP_EXT_JWT={external}", $"LP_CONN_ID={emulator.Server.ConnectorId}", "signup", "connect", identity, "connect", "get-clock");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("LP_JWT is a new token; the open socket still uses the one it was opened with", StringComparison.Ordinal));
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("closing the socket to wss://", StringComparison.Ordinal), "connect then reconnects with the new token");
    }
}
