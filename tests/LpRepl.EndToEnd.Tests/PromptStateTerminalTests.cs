using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The prompt tells the link's state as it changes, in a real terminal, without an Enter.</summary>
public partial class PromptStateTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"(https://127\.0\.0\.1:\d+/) · account")]
    private static partial Regex EmulatorUrl();

    [Fact]
    public async Task Should_show_the_offline_prompt_as_soon_as_the_server_closes_the_socket()
    {
        // Given a connected session with a half-typed line
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--no-reconnect", "--format", "compact");
        // The prompt comes while the emulator starts; its banner, with the address, once it is up.
        var banner = await tmux.WaitForTextAsync("try: signup", Timeout);
        var emulator = new Uri(EmulatorUrl().Match(banner).Groups[1].Value);
        tmux.TypeLine("signup");
        tmux.TypeLine("connect");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp*>", Timeout, "the connected prompt");
        tmux.Type("half a line");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp*> half a line", Timeout, "the half-typed line");

        // When the server closes the socket (the emulator's fault endpoint)
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler);
        using var closed = await http.PostAsync(new Uri(emulator, "emulator/faults/close?code=4401&reason=Token%20expired"), content: null);
        closed.EnsureSuccessStatusCode();

        // Then the prompt turns offline with the line intact, no Enter pressed
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> half a line", Timeout, "the offline prompt");
        tmux.Cursor().Column.Should().Be("lp> half a line".Length);
    }
}
