using LpRepl.Repl;
using LpRepl.Tests.Support;
using LpRepl.Tests.Templating;

namespace LpRepl.Tests.Scripting;

/// <summary>
/// A script that signs up and connects runs the same inside a session that is already connected:
/// <c>connect</c> to the same target is a no-op, to another (a new <c>LP_JWT</c>) reconnects.
/// </summary>
public class ConnectedSessionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> Interactive(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }

    [Fact]
    public async Task Should_run_the_getting_started_script_green_inside_a_connected_session()
    {
        var script = Path.Combine(TemplateFixture.RepoRoot, "scripts", "getting-started.lprepl");
        var (output, _, session) = await Interactive("signup", "connect", $"run {script}");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        session.Variables["agentMessage"].Should().Be("You said: hi there");
    }

    [Fact]
    public async Task Should_treat_connect_to_the_same_target_while_connected_as_a_no_op()
    {
        var (output, _, session) = await Interactive("signup", "connect", "connect", "get-clock");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        output.Entries.Count(e => e.Kind == "info" && e.Text.StartsWith("connected to", StringComparison.Ordinal)).Should().Be(1);
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("already connected to wss://", StringComparison.Ordinal) && e.Text.EndsWith("; nothing to do", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_warn_at_signup_while_connected_and_reconnect_with_the_new_token_at_connect()
    {
        var (output, _, session) = await Interactive("signup", "connect", "signup", "connect", "request-conversation", "echo done");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text == "LP_JWT is a new token; the open socket still uses the one it was opened with: 'connect' to reconnect with the new one");
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("closing the socket to wss://", StringComparison.Ordinal) && e.Text.Contains("other headers", StringComparison.Ordinal));
        output.Entries.Count(e => e.Kind == "info" && e.Text.StartsWith("connected to", StringComparison.Ordinal)).Should().Be(2);
    }
}
