using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary><c>connect ws://…</c> would send the token unencrypted: refused across a network unless --insecure.</summary>
public sealed class CleartextConnectTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Should_refuse_a_ws_url_to_another_host_before_opening_anything()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var source = new ScriptedLines("LP_JWT=abc", "connect ws://192.0.2.1:9/ws");
        source.End();

        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        code.Should().Be(ExitCodes.ConnectionFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("ws://192.0.2.1:9 is ws://, not encrypted").And.Contain("--insecure").And.Contain("Nothing was opened");
        session.Transport.IsOpen.Should().BeFalse();
    }
}
