using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The prompt is drawn while the session's target is still being found (the domain API asked, or the embedded
/// emulator started): a person types at once, and a line entered meanwhile runs once the target is ready.
/// Here the domain API answers only when the test lets the proxy through, so "meanwhile" is certain.
/// </summary>
public sealed class EarlyPromptTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    // A standalone emulator, a proxy to it that opens its tunnels only on release, and lprepl in tmux on its account.
    private sealed class Held(StandaloneEmulator emulator, ConnectProxy proxy, Tmux tmux, TaskCompletionSource release) : IAsyncDisposable
    {
        public StandaloneEmulator Emulator => emulator;

        public ConnectProxy Proxy => proxy;

        public Tmux Tmux => tmux;

        public void Release() => release.TrySetResult();

        public static async Task<Held> StartAsync(TempDir home)
        {
            var release = new TaskCompletionSource();
            var emulator = await StandaloneEmulator.StartAsync(home);
            var proxy = new ConnectProxy(release.Task);
            var tmux = Tmux.StartLpReplWith(120, 40, home, new Dictionary<string, string> { ["HTTPS_PROXY"] = proxy.Url },
                "--account", emulator.Exports["LP_ACCOUNT"], "--csds", emulator.Exports["LP_CSDS"], "--cacert", emulator.Exports["LP_CACERT"]);
            return new Held(emulator, proxy, tmux, release);
        }

        public async ValueTask DisposeAsync()
        {
            tmux.Dispose();
            await proxy.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_draw_the_prompt_before_the_domain_api_answers_and_run_a_line_typed_meanwhile()
    {
        using var home = new TempDir();
        await using var held = await Held.StartAsync(home);
        var (emulator, proxy, tmux) = (held.Emulator, held.Proxy, held.Tmux);

        // Given the prompt, drawn while the domain API is held
        await tmux.WaitForTextAsync("lp> ", Timeout);
        proxy.Targets.Should().Contain(emulator.Exports["LP_CSDS"], "the domain API was asked before the prompt was up");

        // When a line that needs the discovered domains is entered, and only then the domain API answers
        tmux.TypeLine("echo idp=$LP_IDP");
        await tmux.WaitForScreenAsync(s => s.Contains("lp> echo idp=$LP_IDP") && tmux.Cursor().Column == 0, Timeout, "the entered line");
        held.Release();

        // Then it runs with them, after the banner
        var screen = await tmux.WaitForTextAsync($"idp={emulator.Exports["LP_IDP"]}", Timeout);
        screen.IndexOf("service domains from", StringComparison.Ordinal).Should().BeLessThan(screen.IndexOf($"idp={emulator.Exports["LP_IDP"]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_stop_a_line_entered_before_the_target_was_ready_with_ctrl_c()
    {
        using var home = new TempDir();
        await using var held = await Held.StartAsync(home);
        var (emulator, proxy, tmux) = (held.Emulator, held.Proxy, held.Tmux);

        await tmux.WaitForTextAsync("lp> ", Timeout);
        tmux.TypeLine("echo never");
        await tmux.WaitForScreenAsync(s => s.Contains("lp> echo never") && tmux.Cursor().Column == 0, Timeout, "the entered line");
        tmux.Keys("C-c");
        await tmux.WaitForTextAsync("error: interrupted (Ctrl-C)", Timeout);
        held.Release();

        // The session goes on; the stopped line never ran
        tmux.TypeLine("echo back");
        var screen = await tmux.WaitForScreenAsync(s => s.Split('\n').Any(l => l == "back"), Timeout, "the next line's output");
        screen.Split('\n').Should().NotContain("never");
    }
}
