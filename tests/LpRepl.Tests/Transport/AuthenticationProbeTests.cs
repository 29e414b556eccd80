using LpRepl.Repl;
using LpRepl.Repl.Reconnection;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Transport;

/// <summary>
/// A server may take the upgrade and close with 4401 right after (the protocol overview's code for a
/// missing or expired token), or refuse the upgrade with an HTTP 401: either way a <c>connect</c> with a
/// token in the header is only "connected" once the server answered the transport's own GetClock, so a
/// script never goes on (or ends green) on a socket that was refused.
/// </summary>
public sealed class AuthenticationProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_fail_a_script_at_its_connect_when_the_server_upgrades_and_closes_with_4401_without_answering()
    {
        // Given a hostile server that takes the upgrade, then closes with 4401 and never answers a frame
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            await c.CloseAsync(4401, "Unauthorized: bad token signature");
        });

        // When a script connects to it with a token in the header
        var (output, code, session) = await RunScriptAsync("LP_JWT=forged.token.here", $"connect {server.Url}", "echo never");
        await using var _ = session;

        // Then its connect fails, quoting the close, and nothing after it runs
        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .StartWith("auth.lprepl:2: ")
            .And.Contain("closed it with 4401: \"Unauthorized: bad token signature\" before answering")
            .And.Contain("'signup'");
        output.Entries.Should().NotContain(e => e.Text == "never");
        output.Entries.Should().NotContain(e => e.Text.StartsWith("connected to", StringComparison.Ordinal));
        session.Transport.IsOpen.Should().BeFalse();
        session.Supervisor.State.Should().Be(LinkState.Offline);
    }

    [Fact]
    public async Task Should_quote_the_reason_an_HTTP_401_gives_in_its_body()
    {
        // Given a server that refuses the upgrade with a 401 whose body says why (and holds a control character)
        await using var server = new LoopbackServer(c => LoopbackServer.RefuseAsync(c, 401, "Unauthorized: token was issued for \u001b[2Janother account"));

        var (output, code, session) = await RunScriptAsync("LP_JWT=some.other.token", $"connect {server.Url}", "echo never");
        await using var _ = session;

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .Contain("refused the token (HTTP 401: \"Unauthorized: token was issued for \\u001b[2Janother account\")")
            .And.Contain("'signup'");
        output.Entries.Should().NotContain(e => e.Text == "never");
    }

    [Fact]
    public async Task Should_clip_a_long_refusal_body()
    {
        await using var server = new LoopbackServer(c => LoopbackServer.RefuseAsync(c, 403, new string('x', 10_000)));

        var (output, code, session) = await RunScriptAsync("LP_JWT=some.other.token", $"connect {server.Url}");
        await using var _ = session;

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Single().Should().Contain($"(HTTP 403: \"{new string('x', 200)}…\")").And.NotContain(new string('x', 201));
    }

    [Fact]
    public async Task Should_connect_once_the_probe_is_answered_and_show_nothing_of_it()
    {
        // Given a server that answers every request
        var closed = new TaskCompletionSource();
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            while (await c.AnswerOneAsync() is not null)
            {
            }
            closed.TrySetResult();
        });

        var (output, code, session) = await RunScriptAsync("LP_JWT=a.good.token", $"connect {server.Url}", """{"kind":"req","id":"mine","type":"GetClock"}""");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Text.StartsWith("connected to ws://127.0.0.1", StringComparison.Ordinal));
        // The server saw the probe first; the session shows only its own request and answer.
        server.Received.Items.Select(f => f.Text).First().Should().Be("""{"kind":"req","id":"lprepl-connect","type":"GetClock"}""");
        output.Sent.Should().ContainSingle().Which.Should().Contain("\"mine\"");
        output.Received.Should().ContainSingle().Which.Should().Contain("\"reqId\":\"mine\"");
        output.Entries.Should().NotContain(e => e.Text.Contains("lprepl-connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_not_probe_a_socket_opened_bare_for_InitConnection()
    {
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            while (await c.AnswerOneAsync() is not null)
            {
            }
        });

        var (output, code, session) = await RunScriptAsync("LP_JWT=a.good.token", $"connect {server.Url} --init");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        server.Received.Items.Should().ContainSingle().Which.Text.Should().Contain("\"type\":\"InitConnection\"");
    }

    [Fact]
    public async Task Should_not_probe_a_server_that_is_no_messaging_endpoint_even_with_a_token_in_the_header()
    {
        // Given a server of the user's own at a path that is not the consumer socket's
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            while (await c.AnswerOneAsync() is not null)
            {
            }
        });

        var (output, code, session) = await RunScriptAsync("LP_JWT=a.good.token", $"connect {server.UrlAt("/echo")}", """{"kind":"req","id":"mine","type":"GetClock"}""");
        await using var _ = session;

        // Then the connect is through at the upgrade, and the server saw only the session's frame
        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        server.Received.Items.Should().ContainSingle().Which.Text.Should().Contain("\"mine\"");
        output.Received.Should().ContainSingle().Which.Should().Contain("\"reqId\":\"mine\"");
    }

    [Fact]
    public async Task Should_stop_reconnecting_and_say_why_when_a_reconnect_is_closed_with_4401()
    {
        // Given a session connected to a server that then drops it, and closes every later socket with 4401
        var drop = new TaskCompletionSource();
        await using var server = new LoopbackServer(
            async c =>
            {
                await c.UpgradeAsync();
                await c.AnswerOneAsync();
                await drop.Task.WaitAsync(c.Stopping);
                await c.CloseAsync(1011, "Server restarting");
            },
            async c =>
            {
                await c.UpgradeAsync();
                await c.CloseAsync(4401, "Unauthorized: bad token signature");
            });
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        var lines = new ScriptedLines("LP_JWT=hand.set.token", $"connect {server.Url}");
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);

        // When the server drops it
        drop.SetResult();

        // Then the reconnect's refusal is said with the server's reason, and reconnecting stops
        var end = await session.LinkEnded.WaitAsync(Timeout);
        end.ExitCode.Should().Be(ExitCodes.Unauthorized);
        output.Entries.Should().Contain(e => e.Text.StartsWith("reconnect attempt 1 refused: ", StringComparison.Ordinal)
            && e.Text.Contains("closed it with 4401: \"Unauthorized: bad token signature\"", StringComparison.Ordinal));
        output.Errors.Should().Contain(e => e.Contains("LP_JWT was set by hand", StringComparison.Ordinal));
        await LpRepl.Testing.Until.TrueAsync(() => session.Supervisor.State == LinkState.Offline, "the session goes offline", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);
    }

    private static async Task<(CollectingOutput Output, int Code, ReplSession Session)> RunScriptAsync(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = OfflineSession.Create(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "auth.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }
}
