using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The emulator refuses a forged token as LivePerson documents it: the upgrade goes through and the socket
/// closes with 4401. The real process must not take that upgrade for a connection: the script stops at
/// its connect, says why, and ends non-zero.
/// </summary>
public sealed class RefusedTokenProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Should_stop_a_script_at_a_connect_with_a_forged_token_and_exit_3()
    {
        // Given a script that connects with a forged token, then goes on
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "forged.lprepl");
        await File.WriteAllTextAsync(script, "LP_JWT=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA\nconnect\necho not reached\nrequest-conversation\n");

        // When lprepl runs it against its embedded emulator
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script);
        lprepl.CloseInput();

        // Then it stops at the connect, quoting the server's close, and runs nothing after it
        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(3, lprepl.Transcript());
        lprepl.Stderr.ToString().Should().Contain("forged.lprepl:2: ")
            .And.Contain("closed it with 4401: \"Unauthorized: bad token signature\" before answering")
            .And.Contain("'signup'");
        lprepl.Stdout.ToString().Should().NotContain("not reached");
        lprepl.Stderr.ToString().Should().NotContain("connected to");
    }
}
