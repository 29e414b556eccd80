using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>The no-header flow (browsers): open the socket bare, then authenticate with InitConnection.</summary>
public sealed class InitConnectionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public InitConnectionTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_refuse_requests_until_InitConnection_then_serve_them()
    {
        var jwt = await _emulator.SignupAsync();
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        var early = await client.RequestAsync("cm.ConsumerRequestConversation");
        var unknown = await client.RequestAsync("NoSuchRequest");
        await client.SendAsync(new JObject { ["kind"] = "req", ["id"] = "0", ["type"] = "InitConnection", ["headers"] = JToken.FromObject(Requests.InitConnection(jwt)) }.ToString(Formatting.None));
        var init = await client.NextAsync(f => (string?)f["reqId"] == "0");
        var conversationId = await client.OpenConversationAsync();

        early.ToString(Formatting.None).Should().Be(
            "{\"kind\":\"resp\",\"reqId\":\"t1\",\"code\":401,\"body\":\"Unauthenticated: send InitConnection first\",\"type\":\"cm.RequestConversationResponse\"}");
        ((int)unknown["code"]!).Should().Be(401);
        init.ToString(Formatting.None).Should().Be(
            "{\"kind\":\"resp\",\"reqId\":\"0\",\"code\":200,\"body\":\"Connection initialized successfully\",\"type\":\"StringResponse\"}");
        Guid.TryParse(conversationId, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Should_answer_401_to_a_bad_token_and_stay_unauthenticated()
    {
        var otherAccountJwt = await _emulator.SignupAsync("87654321");
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        var garbage = await client.RequestAsync("InitConnection", headers: Requests.InitConnection("not.a.token"));
        var otherAccount = await client.RequestAsync("InitConnection", headers: Requests.InitConnection(otherAccountJwt));
        var after = await client.RequestAsync("KeepAlive");

        ((int)garbage["code"]!).Should().Be(401);
        ((string?)garbage["body"]).Should().Be("Unauthorized: malformed token");
        ((int)otherAccount["code"]!).Should().Be(401);
        ((string?)otherAccount["body"]).Should().Contain("another account").And.NotContain(otherAccountJwt);
        ((int)after["code"]!).Should().Be(401);
    }

    [Fact]
    public async Task Should_answer_400_without_a_ConsumerAuthentication_header()
    {
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        var noHeaders = await client.RequestAsync("InitConnection");
        var onlyProperties = await client.RequestAsync("InitConnection", headers: new[] { new { type = ".ams.headers.ClientProperties" } });
        var noJwt = await client.RequestAsync("InitConnection", headers: new[] { new { type = ".ams.headers.ConsumerAuthentication" } });

        ((int)noHeaders["code"]!).Should().Be(400);
        ((string?)noHeaders["body"]).Should().Be("headers: missing (required)");
        ((int)onlyProperties["code"]!).Should().Be(400);
        ((string?)onlyProperties["body"]).Should().Be("Missing ConsumerAuthentication header");
        ((int)noJwt["code"]!).Should().Be(400);
        ((string?)noJwt["body"]).Should().Be("headers[0].jwt: missing (required)");
    }

    [Fact]
    public async Task Should_accept_InitConnection_on_a_header_authenticated_socket_for_the_same_consumer_only()
    {
        var jwt = await _emulator.SignupAsync();
        await using var client = await _emulator.ConnectAsync(jwt);

        var same = await client.RequestAsync("InitConnection", headers: Requests.InitConnection(jwt));
        var other = await client.RequestAsync("InitConnection", headers: Requests.InitConnection(await _emulator.SignupAsync()));

        ((int)same["code"]!).Should().Be(200);
        ((int)other["code"]!).Should().Be(400);
        ((string?)other["body"]).Should().Be("Connection is already authenticated as another consumer");
    }

    [Fact]
    public async Task Should_see_the_same_conversations_as_a_header_connection_of_that_consumer()
    {
        var jwt = await _emulator.SignupAsync();
        await using var withHeader = await _emulator.ConnectAsync(jwt);
        var conversationId = await withHeader.OpenConversationAsync();
        await using var bare = await _emulator.ConnectWithoutHeaderAsync();
        await bare.RequestAsync("InitConnection", headers: Requests.InitConnection(jwt));

        await bare.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversationId));
        await withHeader.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "seen on both"));

        var seen = FrameMatch.FirstChange(await bare.NextAsync(FrameMatch.ChangeFrom("CONSUMER")));
        ((string?)seen["event"]!["message"]).Should().Be("seen on both");
    }
}
