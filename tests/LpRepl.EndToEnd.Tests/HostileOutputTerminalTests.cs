using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// A hostile server's text on a real terminal (tmux): a conversationId and an agent message that
/// would retitle and clear the screen are shown escaped on every path (frame echo, the capture
/// notice, echo, vars, capture) and obeyed on none.
/// </summary>
public class HostileOutputTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // Nothing that could drive the terminal may reach the screen as it is.
    private static void ShouldShowNoRawControl(string screen)
    {
        screen.Should().NotContain("\u009b").And.NotContain("\u202e").And.NotContain("\u001b").And.NotContain("\u0007");
    }

    private static async Task<Tmux> ConnectedToEvilAsync(TempDir home, EvilConsumerServer server, string format)
    {
        var tmux = Tmux.StartLpRepl(home, "--format", format);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("signup");
        await tmux.WaitForTextAsync("LP_JWT=", Timeout);
        tmux.TypeLine("echo earlier-con''tent");
        await tmux.WaitForTextAsync("earlier-content", Timeout);
        tmux.TypeLine($"connect {server.Url}");
        await tmux.WaitForTextAsync("connected to ws://127.0.0.1", Timeout);
        return tmux;
    }

    [Fact]
    public async Task Should_show_a_hostile_conversationId_escaped_on_every_path_and_keep_the_title_and_the_screen()
    {
        // Given lprepl at a terminal, connected to a server whose conversationId and agent message are hostile
        await using var server = new EvilConsumerServer();
        using var home = new TempDir();
        using var tmux = await ConnectedToEvilAsync(home, server, "compact");
        var title = tmux.PaneTitle();

        // When the conversation is requested, and its values are echoed, listed and captured
        tmux.TypeLine("request-conversation");
        await tmux.WaitForTextAsync("not valid JSON", Timeout);
        tmux.TypeLine("echo \"id=$conversationId\"");
        tmux.TypeLine("vars");
        tmux.TypeLine("capture m=.body.changes[0].event.message from ms.MessagingEventNotification");
        tmux.TypeLine("echo done-with-evil");
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("\ndone-with-evil", StringComparison.Ordinal), Timeout, "the last echo");

        // Then the title is unchanged, the earlier line is still on the visible screen, and each path shows the escaped form
        tmux.PaneTitle().Should().Be(title).And.NotContain("pwned");
        tmux.VisibleLines().Should().Contain(l => l == "earlier-content", "ESC[2J must not have cleared the screen");
        ShouldShowNoRawControl(screen);
        screen.Should().Contain($"< {{\"kind\":\"resp\",\"reqId\":\"1\",\"code\":200,\"body\":{{\"conversationId\":\"{EvilConsumerServer.EvilShown}\"}}", "the inbound frame echo");
        screen.Should().Contain($"\"message\":\"{EvilConsumerServer.EvilShown}\"", "the agent message");
        screen.Should().Contain($"< not json {EvilConsumerServer.EvilShown}", "a frame that is not JSON");
        screen.Should().Contain($"conversationId={EvilConsumerServer.EvilShown}", "the capture notice and vars");
        screen.Should().Contain($"\nid={EvilConsumerServer.EvilShown}\n", "echo");
        screen.Should().Contain($"\nm={EvilConsumerServer.EvilShown}\n", "capture");
        screen.Should().Contain("warning: ws:// is not encrypted; the token is sent in clear text (to this machine only)");
    }

    [Fact]
    public async Task Should_show_C1_controls_and_bidi_overrides_escaped_in_pretty_format()
    {
        await using var server = new EvilConsumerServer();
        using var home = new TempDir();
        using var tmux = await ConnectedToEvilAsync(home, server, "pretty");
        var title = tmux.PaneTitle();

        tmux.TypeLine("request-conversation");
        await tmux.WaitForTextAsync("not valid JSON", Timeout);
        tmux.TypeLine("echo done-with-evil");
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("\ndone-with-evil", StringComparison.Ordinal), Timeout, "the last echo");

        tmux.PaneTitle().Should().Be(title).And.NotContain("pwned");
        ShouldShowNoRawControl(screen);
        screen.Should().Contain($"\"conversationId\": \"{EvilConsumerServer.EvilShown}\"").And.Contain($"\"message\": \"{EvilConsumerServer.EvilShown}\"");
    }

    [Fact]
    public async Task Should_keep_data_byte_exact_on_a_pipe_and_escape_what_goes_to_stderr()
    {
        // Given a script piped through lprepl, its stdout a pipe (raw format by default)
        await using var server = new EvilConsumerServer();
        using var home = new TempDir();
        await using var run = ProcessDriver.StartLpRepl(home, "run", "-");
        foreach (var line in new[] { "signup", $"connect {server.Url}", "request-conversation", "wait ms.MessagingEventNotification", "echo $conversationId" })
        {
            await run.TypeAsync(line);
        }
        run.CloseInput();

        // Then the received frames and the echoed value are exactly what the server sent, and stderr shows only escapes
        (await run.WaitForExitAsync(Timeout)).Should().Be(0, run.Transcript());
        var evilInJson = "x\\u001b]0;pwned\\u0007\\u001b[2J\u009b31m\u202eevil";
        run.Stdout.Lines.Should().Contain(l => l.Contains($"\"conversationId\":\"{evilInJson}\"", StringComparison.Ordinal), "the frame as received");
        run.Stdout.Lines.Should().Contain("not json " + EvilConsumerServer.Evil).And.Contain(EvilConsumerServer.Evil, "echo prints the value itself");
        var stderr = run.Stderr.ToString();
        ShouldShowNoRawControl(stderr);
        stderr.Should().Contain($"conversationId={EvilConsumerServer.EvilShown}").And.Contain("warning: ws:// is not encrypted");
    }
}
