using System.Net;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class ConsumerAuthTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConsumerAuthTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_accept_the_upgrade_without_a_token_but_refuse_requests_until_InitConnection()
    {
        using var socket = _emulator.CreateSocket(authorization: null);

        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);
        var clock = await client.RequestAsync(".GetClock");

        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        ((int)clock["code"]!).Should().Be(401);
        ((string?)clock["body"]).Should().Be("Unauthenticated: send InitConnection first");
        socket.State.Should().Be(WebSocketState.Open);
    }

    [Fact]
    public async Task Should_refuse_an_empty_authorization_header()
    {
        await ExpectRefusedAsync("", "Unauthorized: expected header 'Authorization: jwt <token>'");
    }

    [Fact]
    public async Task Should_refuse_a_token_with_a_forged_signature()
    {
        var parts = Jwt.Parts(await _emulator.SignupAsync());
        var forgedPayload = Jwt.Encode(Jwt.DecodeText(parts[1]).Replace("\"iat\":", "\"x\":1,\"iat\":"));

        await ExpectRefusedAsync($"jwt {parts[0]}.{forgedPayload}.{parts[2]}", "Unauthorized: bad token signature");
    }

    [Fact]
    public async Task Should_refuse_a_token_of_another_account()
    {
        var otherAccountJwt = await _emulator.SignupAsync("87654321");

        await ExpectRefusedAsync("jwt " + otherAccountJwt, "Unauthorized: token was issued for another account");
    }

    [Theory]
    [InlineData("Bearer {0}", "Unauthorized: expected header 'Authorization: jwt <token>'")]
    [InlineData("{0}", "Unauthorized: expected header 'Authorization: jwt <token>'")]
    [InlineData("jwt not.a.token", "Unauthorized: malformed token")]
    public async Task Should_refuse_other_schemes_and_garbage(string format, string reason)
    {
        var jwt = await _emulator.SignupAsync();

        await ExpectRefusedAsync(string.Format(format, jwt), reason);
    }

    [Theory]
    [InlineData("jwt {0}")]
    [InlineData("JWT {0}")]
    [InlineData("Jwt   {0}")]
    public async Task Should_accept_a_good_token(string format)
    {
        var jwt = await _emulator.SignupAsync();
        using var socket = _emulator.CreateSocket(string.Format(format, jwt));

        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        var clock = await client.RequestAsync(".GetClock");
        ((int)clock["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_answer_400_to_a_plain_http_request()
    {
        using var response = await _emulator.Http.GetAsync($"ws_api/account/{_emulator.Account}/messaging/consumer?v=3");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_name_the_reason_in_the_close_but_never_the_token()
    {
        var otherAccountJwt = await _emulator.SignupAsync("87654321");
        using var socket = _emulator.CreateSocket("jwt " + otherAccountJwt);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        // Frames sent after the refusal are not answered: the socket only closes.
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"}");

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Contain("another account").And.NotContain(otherAccountJwt);
        client.Frames.Should().BeEmpty();
    }

    // The protocol overview's 4401: the upgrade is accepted, then the socket closes with the reason.
    private async Task ExpectRefusedAsync(string? authorization, string reason)
    {
        using var socket = _emulator.CreateSocket(authorization);

        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be(reason);
    }
}
