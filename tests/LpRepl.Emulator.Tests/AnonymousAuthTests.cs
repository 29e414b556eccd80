using System.Net;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>The UNAUTH tutorial's connector flow: anonymous/authorize, then app/{connector}/authenticate, then the socket.</summary>
public sealed class AnonymousAuthTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AnonymousAuthTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_give_an_anonymous_identity_that_becomes_a_consumer_on_the_socket()
    {
        var (authorized, anonymous) = await _emulator.AnonymousAuthorizeAsync();
        var external = (string)anonymous["token"]!;
        var (status, body) = await _emulator.AppAuthenticateAsync(external);
        var jwt = (string)body["token"]!;
        await using var client = await _emulator.ConnectAsync(jwt);
        var conversation = await client.RequestAsync("cm.ConsumerRequestConversation");

        authorized.Should().Be(HttpStatusCode.OK);
        ((string?)anonymous["jwt"]).Should().Be(external, "the older tutorial reads .jwt");
        Jwt.DecodeText(Jwt.Parts(external)[0]).Should().Be(Jwt.ExternalHeader);
        var claims = Jwt.Payload(external);
        Guid.TryParse((string?)claims["sub"], out var sub).Should().BeTrue();
        sub.Version.Should().Be(4);
        ((string?)claims["aud"]).Should().Be("acc:" + _emulator.Account);
        ((long)claims["exp"]! - (long)claims["iat"]!).Should().Be(600);
        status.Should().Be(HttpStatusCode.OK);
        ((string?)Jwt.Payload(jwt)["sub"]).Should().Be(sub.ToString(), "anonymous consumers keep their UUID, like signup consumers");
        ((long)Jwt.Payload(jwt)["exp"]!).Should().Be((long)claims["exp"]!);
        ((int)conversation["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_refresh_a_token_keeping_its_sub()
    {
        var first = await _emulator.NewAnonymousTokenAsync();

        var (status, body) = await _emulator.AnonymousAuthorizeAsync(first);
        var (authenticated, lp) = await _emulator.AppAuthenticateAsync((string)body["token"]!);

        status.Should().Be(HttpStatusCode.OK);
        ((string?)Jwt.Payload((string)body["token"]!)["sub"]).Should().Be((string?)Jwt.Payload(first)["sub"]);
        authenticated.Should().Be(HttpStatusCode.OK);
        ((string?)Jwt.Payload((string)lp["token"]!)["sub"]).Should().Be((string?)Jwt.Payload(first)["sub"]);
    }

    [Fact]
    public async Task Should_accept_an_empty_object_body_and_the_older_authCode_exchange()
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/anonymous/authorize", "{}");
        var external = (string)body["jwt"]!;

        var (authenticated, lp) = await _emulator.AuthenticateAsync(external);

        status.Should().Be(HttpStatusCode.OK);
        authenticated.Should().Be(HttpStatusCode.OK);
        var claims = Jwt.Payload((string)lp["jwt"]!);
        ((string?)claims["sub"]).Should().Be((string?)Jwt.Payload(external)["sub"]);
        claims.Should().NotContainKey("lp.ext");
    }

    [Fact]
    public async Task Should_answer_404_to_another_connector()
    {
        var external = await _emulator.NewAnonymousTokenAsync();

        var (status, body) = await _emulator.AppAuthenticateAsync(external, connectorId: "12345");

        _emulator.Server.ConnectorId.Should().Be("4294967296");
        status.Should().Be(HttpStatusCode.NotFound);
        body.Error().Should().Be("Connector not found");
    }

    [Fact]
    public async Task Should_refuse_tokens_the_connector_did_not_issue_or_issued_elsewhere()
    {
        var brand = _emulator.Server.IssueExternalJwt(_emulator.Account, "brand-user");
        var (otherAccountStatus, otherAccount) = await _emulator.AnonymousAuthorizeAsync(account: "87654321");

        var (brandStatus, brandBody) = await _emulator.AppAuthenticateAsync(brand);
        var (refreshStatus, refreshBody) = await _emulator.AnonymousAuthorizeAsync(brand);
        var (crossStatus, crossBody) = await _emulator.AppAuthenticateAsync((string)otherAccount["token"]!);

        otherAccountStatus.Should().Be(HttpStatusCode.OK);
        brandStatus.Should().Be(HttpStatusCode.Unauthorized);
        brandBody.Error().Should().Be("id_token signature does not match the connector's key");
        refreshStatus.Should().Be(HttpStatusCode.Unauthorized);
        refreshBody.Error().Should().Be("id_token signature does not match the connector's key");
        crossStatus.Should().Be(HttpStatusCode.Unauthorized);
        crossBody.Error().Should().Be("id_token was issued for another account");
    }

    [Theory]
    [InlineData("anonymous/authorize", "{\"id_token\":7}", "id_token must be a non-empty string")]
    [InlineData("anonymous/authorize", "[1]", "Body must be a JSON object")]
    [InlineData("app/4294967296/authenticate?v=3.0", null, "id_token must be a non-empty string")]
    [InlineData("app/4294967296/authenticate?v=3.0", "{\"id_token\":\"\"}", "id_token must be a non-empty string")]
    public async Task Should_answer_400_to_a_bad_body(string path, string? json, string expected)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/{path}", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Error().Should().Be(expected);
    }
}
