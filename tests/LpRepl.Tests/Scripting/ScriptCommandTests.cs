using System.Diagnostics;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Scripting;

/// <summary>The script verbs against the real emulator: wait, capture, command substitution, the wscat line, save and load.</summary>
public sealed class ScriptCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-script-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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
    public async Task Should_match_a_frame_that_arrived_before_the_wait_and_capture_from_it()
    {
        var (output, code, session) = await Run(
            "signup", "connect", "request-conversation", "subscribe-messages", "publish text=ping",
            "wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT .body.changes[0].event.type=ContentEvent",
            "capture answer=.body.changes[0].event.message",
            "capture reqType=.type from GenericSubscribeResponse");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
        session.Variables["answer"].Should().Be("You said: ping");
        session.Variables["reqType"].Should().Be("GenericSubscribeResponse");
        output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).Should().Equal("answer=You said: ping", "reqType=GenericSubscribeResponse");
    }

    [Fact]
    public async Task Should_not_match_the_same_frame_twice()
    {
        var watch = Stopwatch.StartNew();
        var (output, code, session) = await Run("signup", "connect", "get-clock", "wait '.GetClock$Response'", "wait '.GetClock$Response' timeout=1");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        output.Errors.Should().ContainSingle().Which.Should().StartWith("test.lprepl:5: wait .GetClock$Response: nothing matched within 1 s");
    }

    [Fact]
    public async Task Should_fill_variables_from_command_substitution_with_session_variables_exported()
    {
        var (output, code, session) = await Run("GREETING=hello", "A=$(echo $GREETING world)", "B=`printf '%s' \"$LP_ACCOUNT\"`", "echo $A / $B", "C=$(exit 3)");
        await using var _ = session;

        session.Variables["A"].Should().Be("hello world");
        session.Variables["B"].Should().Be(EmulatorFixture.Account);
        output.Entries.Should().Contain(new OutputEntry("data", "hello world / " + EmulatorFixture.Account, null));
        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Be("test.lprepl:5: `exit 3` failed with exit code 3");
    }

    [Fact]
    public async Task Should_open_the_socket_from_the_tutorials_wscat_line()
    {
        var (output, code, session) = await Run(
            "signup",
            "wscat -k 60 -H \"Authorization:jwt $LP_JWT\" -c \"wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3\"",
            "get-clock");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
        output.Received.Should().ContainSingle(r => r.Contains(".GetClock$Response"));
    }

    [Fact]
    public async Task Should_report_a_token_refused_at_connect_with_exit_code_3_and_run_nothing_after()
    {
        var (output, code, session) = await Run("LP_JWT=not.a.token", "connect", "echo never");
        await using var _ = session;

        // The server closes with 4401 after the upgrade (protocol overview): connect fails at its own line,
        // with the exit code of a connect refused at the upgrade, and the script goes no further.
        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should().StartWith("test.lprepl:2: ")
            .And.Contain("closed it with 4401: \"Unauthorized: malformed token\" before answering");
        output.Entries.Should().NotContain(e => e.Text == "never");
    }

    [Fact]
    public async Task Should_save_and_load_variables_as_an_lp_env_file()
    {
        var file = Path.Combine(_dir, "lp.env");
        var (saveOutput, code, session) = await Run("signup", "GREETING=hello,world", "MESSAGE=\"two words\"", $"save {file}");
        await using var first = session;
        code.Should().Be(ExitCodes.Ok);
        var saved = await File.ReadAllLinesAsync(file);
        saved.Should().Contain("GREETING=hello,world").And.Contain(l => l.StartsWith("LP_JWT=eyJ")).And.NotContain(l => l.StartsWith("MESSAGE="));
        saveOutput.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("not saved: MESSAGE (its value holds a space"), "docker would keep what sh splits");

        var (output, loadCode, second) = await Run($"load {file}", "echo $GREETING");
        await using var _ = second;

        loadCode.Should().Be(ExitCodes.Ok);
        second.Variables["LP_JWT"].Should().Be(session.Variables["LP_JWT"]);
        output.Entries.Should().Contain(new OutputEntry("data", "hello,world", null));
    }

    [Fact]
    public async Task Should_run_a_script_file_inside_the_session_and_keep_its_variables_and_socket()
    {
        var file = Path.Combine(_dir, "inner.lprepl");
        await File.WriteAllTextAsync(file, "signup\nconnect\nINNER=set-inside\n");

        var (output, code, session) = await Run($"run {file}", "get-clock", "echo $INNER");
        await using var _ = session;

        output.Errors.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ok);
        output.Received.Should().Contain(r => r.Contains(".GetClock$Response"));
        output.Entries.Should().Contain(new OutputEntry("data", "set-inside", null));
    }
}
