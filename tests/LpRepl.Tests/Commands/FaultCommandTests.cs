using LpRepl.Commands;
using LpRepl.Emulator;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>The <c>fault</c> command injects faults into the embedded emulator from the REPL; each test leaves them off.</summary>
public sealed class FaultCommandTests(FaultCommandTests.SilentEmulatorFixture emulator) : IClassFixture<FaultCommandTests.SilentEmulatorFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public void Dispose() => emulator.Server.Faults.Reset();

    private async Task<(CollectingOutput Output, int Code)> Run(ReplSession session, CollectingOutput output, params string[] lines)
    {
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code);
    }

    private Task<(CollectingOutput Output, int Code)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        return Run(emulator.NewSession(output), output, lines);
    }

    private static IEnumerable<string> Infos(CollectingOutput output) =>
        output.Entries.Where(e => e.Kind == "info" && e.Text.StartsWith("fault: ", StringComparison.Ordinal)).Select(e => e.Text);

    [Fact]
    public async Task Should_drop_the_open_socket_and_say_how_many()
    {
        var (output, _) = await Run("signup", "connect", "fault drop");

        Infos(output).Should().Equal("fault: dropped 1 consumer socket (no close frame)");
    }

    [Fact]
    public async Task Should_close_with_the_code_and_the_rest_of_the_line_as_reason()
    {
        var (output, _) = await Run("signup", "connect", "fault close 4123 Testing a close");

        Infos(output).Should().Equal("fault: closed 1 consumer socket with 4123 Testing a close");
    }

    [Fact]
    public async Task Should_set_delay_and_reorder_show_them_and_reset()
    {
        var (output, code) = await Run("fault delay 250", "fault reorder on", "fault", "fault freeze", "fault thaw", "fault reset", "fault reorder off");

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        Infos(output).Should().Equal(
            "fault: delaying every outbound frame 250 ms (0 consumer sockets open, later ones too)",
            "fault: reordering: each pair of consecutive outbound frames is swapped (0 consumer sockets open, later ones too); now delay 250 ms and reorder on",
            $"fault: 0 consumer sockets open, 0 frozen; delay 250 ms; reorder on (the same over HTTPS from this machine: POST {emulator.Server.BaseUri}emulator/faults/drop …)",
            "fault: froze 0 consumer sockets (nothing read or written, pings unanswered, until thaw)",
            "fault: thawed 0 consumer sockets",
            "fault: faults off: thawed 0 consumer sockets, no delay, no reorder",
            "fault: reorder off (0 consumer sockets open)");
    }

    [Theory]
    [InlineData("fault close 1006", "fault: close code 1006 cannot be sent: use 1000-1003, 1007-1014 or 3000-4999 (e.g. 4401, 4407, 1011)")]
    [InlineData("fault close soon", "fault: usage: fault close CODE [REASON…] (e.g. fault close 4401 Token expired)")]
    [InlineData("fault delay -1", "fault: usage: fault delay MS (milliseconds, 0 to 600000; 0 turns it off)")]
    [InlineData("fault delay 600001", "fault: usage: fault delay MS (milliseconds, 0 to 600000; 0 turns it off)")]
    [InlineData("fault reorder maybe", "fault: usage: fault reorder on|off")]
    [InlineData("fault explode", "fault: unknown fault 'explode'; usage: fault [drop|freeze|thaw|close CODE [REASON…]|delay MS|reorder on|off|reset]")]
    public async Task Should_refuse_bad_arguments_saying_what_to_type(string line, string error)
    {
        var (output, code) = await Run(line);

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain(error);
    }

    [Fact]
    public async Task Should_say_that_real_services_take_no_faults_and_name_the_control_endpoint()
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);

        var (_, code) = await Run(session, output, "fault drop");

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("'fault' injects faults into the embedded emulator (lprepl with no account, or --emulator)")
            .And.Contain("POST https://HOST:PORT/emulator/faults/drop");
    }

    [Fact]
    public void Should_be_registered_and_offer_its_words_to_Tab()
    {
        CommandRegistry.CreateDefault().TryGet("fault", out var command).Should().BeTrue();

        command!.ArgumentWords([]).Should().Equal("drop", "freeze", "thaw", "close", "delay", "reorder", "reset");
        command.ArgumentWords(["reorder"]).Should().Equal("on", "off");
        command.ArgumentWords(["close"]).Should().Contain(["4401", "4407"]);
    }

    public sealed class SilentEmulatorFixture : EmulatorFixture
    {
        protected override AgentMode AgentMode => AgentMode.Silent;
    }
}
