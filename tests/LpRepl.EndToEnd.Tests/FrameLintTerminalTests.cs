using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The protocol lint and completion in a real terminal (tmux), against a server of the test's own:
/// a misspelt field is warned about with its path and a suggestion and still sent; with --strict it
/// is refused and nothing reaches the server; Tab completes a field name and an enumeration value.
/// </summary>
public class FrameLintTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const string Misspelt = """{"kind":"req","id":"lint-1","type":"ms.PublishEvent","body":{"dialogID":"d-1","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}""";

    private static async Task<Tmux> ConnectedAsync(TempDir home, HostileServer server, params string[] args)
    {
        var tmux = Tmux.StartLpRepl(home, ["--format", "compact", .. args]);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("signup");
        await tmux.WaitForTextAsync("LP_JWT=", Timeout);
        tmux.TypeLine($"connect {server.Url}");
        await tmux.WaitForTextAsync("connected to ws://127.0.0.1", Timeout);
        return tmux;
    }

    [Fact]
    public async Task Should_warn_about_a_misspelt_field_with_its_path_and_a_suggestion_and_send_the_frame()
    {
        // Given lprepl at a terminal, connected to the test's server
        await using var server = new HostileServer();
        using var home = new TempDir();
        using var tmux = await ConnectedAsync(home, server);

        // When a frame with dialogID for dialogId is typed
        tmux.TypeLine(Misspelt);

        // Then the warning names the path and the field meant, and the frame reaches the server as typed
        var screen = await tmux.WaitForTextAsync("warning: ms.PublishEvent does not fit the protocol; sent anyway", Timeout);
        // Words compared, not rows: the notice is wrapped between words at the terminal's width.
        System.Text.RegularExpressions.Regex.Replace(screen, @"\s+", " ").Should().Contain("body.dialogID: unknown field; did you mean 'dialogId'? (dialogId is required)");
        var received = await server.Received.WaitForAsync(f => f.Text.Contains("lint-1", StringComparison.Ordinal), Timeout, "the misspelt frame");
        received.Text.Should().Be(Misspelt);
    }

    [Fact]
    public async Task Should_refuse_the_frame_with_strict_and_send_nothing()
    {
        // Given lprepl --strict, connected to the test's server
        await using var server = new HostileServer();
        using var home = new TempDir();
        using var tmux = await ConnectedAsync(home, server, "--strict");

        // When the misspelt frame is typed, then a good one
        tmux.TypeLine(Misspelt);
        await tmux.WaitForTextAsync("so nothing was sent: body.dialogID: unknown field; did you mean 'dialogId'?", Timeout);
        tmux.TypeLine("""{"kind":"req","id":"after","type":".GetClock"}""");

        // Then the good one is the first frame the server got: one socket keeps order, so the refused one never left
        await server.Received.WaitForAsync(f => f.Text.Contains("\"after\"", StringComparison.Ordinal), Timeout, "the frame after the refused one");
        // Less the GetClock the connect sends itself to see the token taken.
        server.Received.Items.Select(f => f.Text).Where(t => !t.Contains("lprepl-connect", StringComparison.Ordinal)).Should().Equal("""{"kind":"req","id":"after","type":".GetClock"}""");
        tmux.Screen().Split('\n').Should().NotContain(l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains("lint-1", StringComparison.Ordinal), "a sent frame is echoed as '> …'");
    }

    [Fact]
    public async Task Should_complete_a_field_name_and_an_enumeration_value_inside_a_frame()
    {
        // Given lprepl at a terminal
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--format", "compact");
        await tmux.WaitForReadyAsync(Timeout);

        // When Tab is pressed in a field name being typed, then in an enumeration value
        tmux.Type("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dia");
        tmux.Keys("Tab");
        await tmux.WaitForTextAsync("\"body\":{\"dialogId\":", Timeout);
        tmux.Type("\"d-1\",\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"CO");
        tmux.Keys("Tab");

        // Then the line holds the field name and the value the model names there
        await tmux.WaitForTextAsync("lp> {\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d-1\",\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"COMPOSING\"", Timeout);
        tmux.Keys("C-c");
    }
}
