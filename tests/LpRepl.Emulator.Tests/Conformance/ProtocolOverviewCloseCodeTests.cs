using System.Net;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>
/// The protocol overview's close codes: 4401 when the connection's request has no valid token or an
/// expired one (a fresh token is required), 4407 when an unauthenticated identity must be extended.
/// Every refusal upgrades first and then closes, so the client reads the code.
/// </summary>
public sealed class ProtocolOverviewCloseCodeTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private const string ErrorHandling = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Error Handling";
    private const string HandleDisconnection = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Handle disconnection";

    private readonly ExpiredTokenTests.ManualClockEmulator _emulator;

    public ProtocolOverviewCloseCodeTests(ExpiredTokenTests.ManualClockEmulator emulator) => _emulator = emulator;

    [Theory]
    [Documented("close/4401", ErrorHandling)]
    [InlineData("")]
    [InlineData("jwt")]
    [InlineData("Bearer {0}")]
    [InlineData("{0}")]
    public async Task Should_close_with_4401_when_the_authorization_header_carries_no_token(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, await _emulator.SignupAsync());

        var (socket, client) = await OpenAsync(header);
        await using var _ = client;

        await ShouldCloseWith4401Async(socket, client, "Unauthorized: expected header 'Authorization: jwt <token>'");
    }

    [Fact]
    [Documented("close/4401", ErrorHandling)]
    public async Task Should_close_with_4401_for_a_forged_token()
    {
        var parts = Jwt.Parts(await _emulator.SignupAsync());
        var forged = $"{parts[0]}.{Jwt.Encode(Jwt.DecodeText(parts[1]).Replace("\"iat\":", "\"x\":1,\"iat\":", StringComparison.Ordinal))}.{parts[2]}";

        var (socket, client) = await OpenAsync("jwt " + forged);
        await using var _ = client;

        await ShouldCloseWith4401Async(socket, client, "Unauthorized: bad token signature");
    }

    [Fact]
    [Documented("close/4401", ErrorHandling)]
    public async Task Should_close_with_4401_for_a_token_of_another_account_or_garbage()
    {
        var (socket, client) = await OpenAsync("jwt " + await _emulator.SignupAsync("87654321"));
        await using var _ = client;
        var (garbageSocket, garbage) = await OpenAsync("jwt not.a.token");
        await using var __ = garbage;

        await ShouldCloseWith4401Async(socket, client, "Unauthorized: token was issued for another account");
        await ShouldCloseWith4401Async(garbageSocket, garbage, "Unauthorized: malformed token");
    }

    [Fact]
    [Documented("close/4401", ErrorHandling)]
    [Documented("close/4401", HandleDisconnection)]
    public async Task Should_close_with_4401_once_the_token_expires_while_open()
    {
        var jwt = await _emulator.SignupAsync();
        await using var client = await _emulator.ConnectAsync(jwt);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);

        _emulator.Clock.Advance(TimeSpan.FromSeconds(410_240_041));
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"}");

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Token expired");
        client.Frames.Should().NotContain(f => (string?)f["reqId"] == "1", "a frame after the expiry is not answered");
    }

    [Fact]
    [Documented("close/4407", ErrorHandling)]
    [Documented("close/4407", HandleDisconnection)]
    public async Task Should_close_with_4407_when_an_unauthenticated_identity_runs_out()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        await using var client = await _emulator.ConnectAsync(jwt);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);

        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"}");

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4407);
        client.CloseDescription.Should().Be("Identity expired");
    }

    private async Task<(ClientWebSocket Socket, ConsumerClient Client)> OpenAsync(string authorization)
    {
        var socket = _emulator.CreateSocket(authorization);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        return (socket, new ConsumerClient(socket));
    }

    private static async Task ShouldCloseWith4401Async(ClientWebSocket socket, ConsumerClient client, string reason)
    {
        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols, "the upgrade is accepted so the close code can say why");
        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be(reason);
        client.Frames.Should().BeEmpty();
    }
}
