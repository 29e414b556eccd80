using LpRepl.EndToEnd.Tests.Support;
using LpRepl.Testing;
using Xunit.Abstractions;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The real process on real time: a link that stops forwarding, with no close, is reported lost by the keep-alive and recovered.</summary>
public sealed class FrozenLinkTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Should_report_a_frozen_link_as_lost_within_twice_the_keepalive_and_recover_it()
    {
        // Given lprepl connected through a TCP proxy with --keepalive 1 --show-pings
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        var emulatorPort = int.Parse(emulator.Exports["LP_ASYNCMESSAGINGENT"].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var proxy = new FaultProxy("127.0.0.1", emulatorPort);
        string[] args = ["--account", emulator.Exports["LP_ACCOUNT"], "--csds", emulator.Exports["LP_CSDS"], "--cacert", emulator.Exports["LP_CACERT"], "--keepalive", "1", "--show-pings"];
        await using var lprepl = ProcessDriver.Start("dotnet", args.Prepend(Repo.LpReplDll), home.Environment(), home.Path);
        await lprepl.TypeAsync($"set LP_ASYNCMESSAGINGENT 127.0.0.1:{proxy.Port}");
        await lprepl.TypeAsync("signup");
        await lprepl.TypeAsync("connect");
        await lprepl.Stderr.WaitForAsync("connected to wss://", Timeout);
        await lprepl.Stderr.WaitForAsync("keep-alive answered in", Timeout);

        // When the link freezes
        proxy.Freeze();

        // Then it is reported lost within 2 × 1 s, plus slack for a loaded machine
        var lost = await lprepl.Stderr.WaitForAsync("connection lost (no answer to the keep-alive", TimeSpan.FromSeconds(2 + 8));
        log.WriteLine(lost);
        lost.Should().Contain("--keepalive 1").And.EndWith("; reconnecting");

        // And once the route is back, the session is too, by itself, and works
        proxy.Thaw();
        await lprepl.Stderr.WaitForAsync("reconnected to wss://", Timeout);
        await lprepl.TypeAsync("get-clock");
        await lprepl.Stdout.WaitForAsync(".GetClock$Response", Timeout);
        proxy.Accepted.Should().BeGreaterThan(1, "the reconnect is a new connection");
    }
}
