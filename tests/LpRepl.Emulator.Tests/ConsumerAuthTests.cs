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
        await ExpectRefusedAsync("", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_a_token_with_a_forged_signature()
    {
        var parts = Jwt.Parts(await _emulator.SignupAsync());
        var forgedPayload = Jwt.Encode(Jwt.DecodeText(parts[1]).Replace("\"iat\":", "\"x\":1,\"iat\":"));

        await ExpectRefusedAsync($"jwt {parts[0]}.{forgedPayload}.{parts[2]}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_a_token_of_another_account()
    {
        var otherAccountJwt = await _emulator.SignupAsync("87654321");

        await ExpectRefusedAsync("jwt " + otherAccountJwt, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("{0}")]
    [InlineData("jwt not.a.token")]
    public async Task Should_refuse_other_schemes_and_garbage(string format)
    {
        var jwt = await _emulator.SignupAsync();

        await ExpectRefusedAsync(string.Format(format, jwt), HttpStatusCode.Unauthorized);
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
    public async Task Should_name_the_reason_in_the_401_body()
    {
        var otherAccountJwt = await _emulator.SignupAsync("87654321");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"ws_api/account/{_emulator.Account}/messaging/consumer?v=3");
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        request.Headers.TryAddWithoutValidation("Authorization", "jwt " + otherAccountJwt);

        using var response = await _emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("another account").And.NotContain(otherAccountJwt);
    }

    private async Task ExpectRefusedAsync(string? authorization, HttpStatusCode expected)
    {
        using var socket = _emulator.CreateSocket(authorization);

        var act = () => socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());

        await act.Should().ThrowAsync<WebSocketException>();
        socket.HttpStatusCode.Should().Be(expected);
    }
}
