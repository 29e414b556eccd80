using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>A token that expires while the socket is open closes it with 4401 (4407 for an unauthenticated identity); a socket on which nothing arrives is closed as idle.</summary>
public sealed class ConnectionLimitTests : IClassFixture<ConnectionLimitTests.ShortLimitsEmulator>
{
    private readonly ShortLimitsEmulator _emulator;

    public ConnectionLimitTests(ShortLimitsEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_close_with_4407_when_an_unauthenticated_identity_expires_while_connected()
    {
        // An anonymous LP token lives 10 minutes: move the clock past it without a frame being sent.
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        await using var client = await _emulator.ConnectAsync(jwt);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);

        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));

        (await client.Closed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be((WebSocketCloseStatus)4407);
        client.CloseDescription.Should().Be("Identity expired");
    }

    [Fact]
    public async Task Should_close_with_4401_when_an_authenticated_token_expires_while_connected()
    {
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, "limits-user", TimeSpan.FromMinutes(5));
        var jwt = (string)(await _emulator.AuthenticateAsync(external)).Body["jwt"]!;
        await using var client = await _emulator.ConnectAsync(jwt);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);

        _emulator.Clock.Advance(TimeSpan.FromMinutes(6));

        (await client.Closed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Token expired");
    }

    [Fact]
    public async Task Should_close_with_4407_instead_of_answering_a_frame_sent_after_expiry()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        await using var client = await _emulator.ConnectAsync(jwt);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));

        await client.SendAsync("{\"kind\":\"req\",\"id\":\"late\",\"type\":\"GetClock\"}");

        (await client.Closed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be((WebSocketCloseStatus)4407);
        client.Frames.Should().NotContain(f => (string?)f["reqId"] == "late");
    }

    [Fact]
    public async Task Should_close_a_silent_connection_after_the_idle_timeout()
    {
        await using var client = await _emulator.NewConsumerAsync();

        (await client.Closed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        client.CloseDescription.Should().Be("Idle timeout");
    }

    [Fact]
    public async Task Should_keep_a_connection_that_only_pings()
    {
        var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        // Pings every 200 ms, never a frame: activity the application never sees.
        socket.Options.KeepAliveInterval = TimeSpan.FromMilliseconds(200);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(5);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);
        await using var silent = await _emulator.NewConsumerAsync();

        // The silent one is closed at the timeout; the pinging one, connected earlier, is still open.
        (await silent.Closed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        socket.State.Should().Be(WebSocketState.Open);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);
    }

    public sealed class ShortLimitsEmulator : EmulatorFixture
    {
        public ManualTimeProvider Clock { get; } = new();

        protected override EmulatorOptions CreateOptions() =>
            new() { Time = Clock, Agent = AgentMode.Silent, IdleTimeout = TimeSpan.FromSeconds(1.5) };
    }
}
