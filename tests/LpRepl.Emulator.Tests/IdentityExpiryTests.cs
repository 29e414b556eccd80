using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>
/// A well-signed but expired token opens the socket and closes it, telling which renewal to do:
/// 4407 for an unauthenticated (connector-flow) identity, 4401 for the others; bad tokens close with 4401 too.
/// </summary>
public sealed class IdentityExpiryTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private readonly ExpiredTokenTests.ManualClockEmulator _emulator;

    public IdentityExpiryTests(ExpiredTokenTests.ManualClockEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_mark_the_connector_flow_token_as_an_unauthenticated_identity()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);

        Jwt.PayloadText(jwt).Should().Contain(",\"acr\":\"0\",\"exp\":");
        Jwt.Payload(await _emulator.SignupAsync()).Should().NotContainKey("acr");
    }

    [Fact]
    public async Task Should_open_then_close_with_4407_for_an_expired_unauthenticated_identity_in_the_header()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));

        await using var client = await _emulator.ConnectAsync(jwt);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4407);
        client.CloseDescription.Should().Be("Identity expired");
        client.Frames.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_close_with_4407_for_an_expired_unauthenticated_identity_in_InitConnection()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        await SendInitConnectionAsync(client, jwt);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4407);
        client.CloseDescription.Should().Be("Identity expired");
    }

    [Fact]
    public async Task Should_close_with_4401_for_an_expired_signup_token_in_InitConnection()
    {
        var jwt = await _emulator.SignupAsync();
        _emulator.Clock.Advance(TimeSpan.FromSeconds(410_240_041));
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        await SendInitConnectionAsync(client, jwt);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Token expired");
    }

    [Fact]
    public async Task Should_refuse_an_expired_token_of_another_account_as_another_accounts_with_4401()
    {
        var jwt = await IdpCalls.AnonymousLpJwtAsync(_emulator);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));
        using var socket = _emulator.CreateSocket("jwt " + jwt);

        await socket.ConnectAsync(_emulator.ConsumerUri("otheraccount"), Deadline.After());
        await using var client = new ConsumerClient(socket);

        // Not 4407: extending this identity would not make it another account's.
        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Unauthorized: token was issued for another account");
    }

    private static Task SendInitConnectionAsync(ConsumerClient client, string jwt) =>
        client.SendAsync(new JObject { ["kind"] = "req", ["id"] = "init", ["type"] = "InitConnection", ["headers"] = JToken.FromObject(Requests.InitConnection(jwt)) }.ToString(Formatting.None));
}
