using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>Every shipped script also runs green with <c>run</c> inside a session that has already signed up and connected.</summary>
public partial class ScriptTests
{
    [Theory]
    [MemberData(nameof(ShippedScripts))]
    public async Task Should_run_a_shipped_script_green_inside_a_connected_session(string script, string keyLine)
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--agent-delay", "100");
        await lprepl.TypeAsync("signup");
        await lprepl.TypeAsync("connect");
        await lprepl.TypeAsync($"run {Path.Combine(Repo.Root, "scripts", script)}");
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        lprepl.Stdout.Lines.Concat(lprepl.Stderr.Lines).Should().Contain(l => l.Contains(keyLine, StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stderr.Lines.Should().NotContain(l => l.StartsWith("error"));
    }

    [Fact]
    public async Task Should_not_let_a_script_match_what_an_earlier_socket_of_the_session_received()
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--agent-delay", "100");
        foreach (var line in new[] { "signup", "connect", "request-conversation", "subscribe-messages", "publish text=first" })
        {
            await lprepl.TypeAsync(line);
        }
        await lprepl.Stdout.WaitForAsync("You said: first", Timeout);
        await lprepl.TypeAsync("disconnect");
        await lprepl.TypeAsync($"run {Path.Combine(Repo.Root, "scripts", "getting-started.lprepl")}");
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        // A capture is a notice: on stderr, as stdout is data here.
        lprepl.Stderr.Lines.Should().Contain("agentMessage=You said: hi there", lprepl.Transcript());
        lprepl.Stderr.Lines.Should().NotContain("agentMessage=You said: first");
    }
}
