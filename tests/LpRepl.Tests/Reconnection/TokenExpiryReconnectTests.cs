using LpRepl.Repl;
using LpRepl.Repl.Reconnection;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Reconnection;

/// <summary>
/// 4401 and 4407, as LivePerson documents them: a renewable identity is renewed and the socket comes
/// back by itself as the same consumer in the same conversation; a signup token cannot be, so the
/// session says what to run and a script ends with the documented exit code.
/// </summary>
public class TokenExpiryReconnectTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_refresh_an_anonymous_identity_on_4407_and_reconnect_in_the_same_conversation()
    {
        await RenewedAsync(4407, "Identity expired", $"LP_CONN_ID={emulator.Server.ConnectorId}", "anonymous");
    }

    [Fact]
    public async Task Should_renew_an_authenticated_identity_on_4401_and_reconnect_in_the_same_conversation()
    {
        await RenewedAsync(4401, "Token expired", $"LP_EXT_JWT={emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-4401")}", "authenticate");
    }

    [Fact]
    public async Task Should_end_a_script_with_exit_code_4_and_advice_when_a_signup_token_is_refused()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "request-conversation", "wait ms.MessagingEventNotification timeout=3600", "echo not reached");
        var script = Task.Run(() => new ReplLoop(session, lines, ReplMode.Script, "expiry.lprepl").RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text.StartsWith("conversationId=", StringComparison.Ordinal), Timeout);
        await LpRepl.Testing.Until.TrueAsync(() => lines.Prompts.Count >= 4, "the wait line is read", Timeout);

        emulator.Server.Faults.Close(4401, "Token expired");
        var exit = await script.WaitAsync(Timeout);

        exit.Should().Be(ExitCodes.Unauthorized);
        output.Entries.Should().Contain(e => e.Text == "connection closed by the server (code 4401: Token expired)");
        output.Errors.Should().Contain(e => e.Contains("a signup token cannot be renewed: 'signup' makes a new consumer (this conversation is lost), then 'connect'", StringComparison.Ordinal));
        output.Errors.Should().Contain(e => e.StartsWith("expiry.lprepl:4: wait ms.MessagingEventNotification timeout=3600: the connection is down for good", StringComparison.Ordinal));
        output.Entries.Should().NotContain(e => e.Text == "not reached");
        session.Supervisor.State.Should().Be(LinkState.Offline);
    }

    private async Task RenewedAsync(int code, string reason, params string[] identity)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines([.. identity, "connect", "request-conversation"]);
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text.StartsWith("conversationId=", StringComparison.Ordinal), Timeout);
        var (conversation, consumer) = (session.Variables["conversationId"], session.Identity.Consumer);

        emulator.Server.Faults.Close(code, reason);
        await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        lines.Push("publish text=\"still here\"");
        await output.WaitForAsync(e => e.Kind == "<" && e.Note?.StartsWith("ms.PublishEvent", StringComparison.Ordinal) == true, Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        output.Entries.Should().Contain(e => e.Text == $"connection closed by the server (code {code}: {reason})");
        output.Errors.Should().BeEmpty();
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith($"the server closed the socket with {code}", StringComparison.Ordinal)
            && e.Text.EndsWith($"same consumer {consumer}", StringComparison.Ordinal), "the identity was renewed, and the session says so");
        session.Identity.Consumer.Should().Be(consumer, "a renewal keeps the consumer");
        session.Variables["conversationId"].Should().Be(conversation);
        output.Received.Last(f => f.Contains("PublishEventResponse", StringComparison.Ordinal) || f.Contains("\"reqId\"", StringComparison.Ordinal))
            .Should().Contain("\"code\":200", "the renewed consumer still owns the conversation");
    }
}
