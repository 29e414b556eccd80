using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// LpRepl pointed at a standalone <c>lprepl emulator</c> exactly as at LivePerson: an account, a
/// domain API host and a CA file — no emulator shortcut — directly and through a CONNECT proxy.
/// </summary>
public sealed class RealAccountPathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private static string GettingStarted => Path.Combine(Repo.Root, "scripts", "getting-started.lprepl");

    private static ProcessDriver RunAgainst(StandaloneEmulator emulator, TempDir home, IDictionary<string, string>? extraEnv, params string[] extraArgs)
    {
        // Only what a real user has: the account, the domain API host and the CA to trust.
        string[] args = ["run", GettingStarted, "--account", emulator.Exports["LP_ACCOUNT"], "--csds", emulator.Exports["LP_CSDS"], .. extraArgs];
        var env = home.Environment();
        foreach (var (name, value) in extraEnv ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }
        var process = ProcessDriver.Start("dotnet", args.Prepend(Repo.LpReplDll), env, home.Path);
        process.CloseInput();
        return process;
    }

    [Fact]
    public async Task Should_run_getting_started_through_the_domain_api_of_a_standalone_emulator()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        await using var lprepl = RunAgainst(emulator, home, null, "--cacert", emulator.Exports["LP_CACERT"]);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        lprepl.Stderr.Lines.Should().Contain("agentMessage=You said: hi there");
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"service domains from {emulator.Exports["LP_CSDS"]} (direct)"));
        lprepl.Stderr.Lines.Should().NotContain(l => l.Contains("embedded"), "this is the real-account path, not the embedded emulator");
    }

    [Fact]
    public async Task Should_refuse_the_emulator_certificate_without_cacert_and_say_so()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);
        await using var lprepl = RunAgainst(emulator, home, null);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(3, lprepl.Transcript());
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains("could not reach") && l.Contains(emulator.Exports["LP_CSDS"]), lprepl.Transcript());
    }

    [Fact]
    public async Task Should_take_LP_CACERT_from_the_environment_like_the_option()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        await using var lprepl = RunAgainst(emulator, home, new Dictionary<string, string> { ["LP_CACERT"] = emulator.Exports["LP_CACERT"] });

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
    }

    [Fact]
    public async Task Should_tunnel_domain_api_identity_and_websocket_through_HTTPS_PROXY()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        await using var proxy = new ConnectProxy();
        await using var lprepl = RunAgainst(emulator, home, new Dictionary<string, string> { ["HTTPS_PROXY"] = proxy.Url }, "--cacert", emulator.Exports["LP_CACERT"]);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"(via proxy {proxy.Url})"));
        lprepl.Stderr.Lines.Should().Contain(l => l.StartsWith("connected to wss://") && l.EndsWith($"via proxy 127.0.0.1:{new Uri(proxy.Url).Port}"));
        // The process has exited, so every tunnel it opened is already noted.
        proxy.Targets.Should().NotBeEmpty().And.OnlyContain(t => t == emulator.Exports["LP_CSDS"]);
    }

    [Fact]
    public async Task Should_go_direct_for_a_host_in_NO_PROXY()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        await using var proxy = new ConnectProxy();
        var env = new Dictionary<string, string> { ["HTTPS_PROXY"] = proxy.Url, ["NO_PROXY"] = "localhost,127.0.0.0/8" };
        await using var lprepl = RunAgainst(emulator, home, env, "--cacert", emulator.Exports["LP_CACERT"]);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        proxy.Targets.Should().BeEmpty();
    }
}
