using System.Net;
using System.Security.Cryptography;
using System.Text;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The AUTH tutorial (implicit flow): a brand's external JWT exchanged at /authenticate for an LP JWT.</summary>
public sealed class AuthenticateTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AuthenticateTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_exchange_a_brand_jwt_for_an_authenticated_consumer_that_can_talk()
    {
        var subject = "+972-3-" + Guid.NewGuid().ToString("N")[..8];
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, subject, name: "Eitan");

        var (status, body) = await _emulator.AuthenticateAsync(external);
        var jwt = (string)body["jwt"]!;
        await using var client = await _emulator.ConnectAsync(jwt);
        var conversation = await client.RequestAsync("cm.ConsumerRequestConversation");

        status.Should().Be(HttpStatusCode.OK);
        Jwt.DecodeText(Jwt.Parts(jwt)[0]).Should().Be("{\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}");
        Jwt.PayloadText(jwt).Should().Contain($"\"lp.ext\":{{\"sub\":\"{subject}\",\"iss\":\"https:\\/\\/idp.liveperson.net\"}}");
        var claims = Jwt.Payload(jwt);
        var expectedSub = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_emulator.Account + ":" + subject)));
        ((string?)claims["sub"]).Should().MatchRegex("^[0-9a-f]{64}$").And.Be(expectedSub);
        ((string?)claims["aud"]).Should().Be("acc:" + _emulator.Account);
        ((string?)claims["lp.ext"]!["sub"]).Should().Be(subject);
        ((long)claims["exp"]!).Should().Be((long)Jwt.Payload(external)["exp"]!);
        ((long)claims["iat"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        ((int)conversation["code"]!).Should().Be(200);
    }

    [Fact]
    public void Should_issue_sample_external_jwts_shaped_like_the_tutorials()
    {
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, "user-1", TimeSpan.FromMinutes(5), "Eitan");

        var claims = Jwt.Payload(external);
        Jwt.DecodeText(Jwt.Parts(external)[0]).Should().Be(Jwt.ExternalHeader);
        Jwt.PayloadText(external).Should().StartWith("{\"sub\":\"user-1\",\"iss\":\"https://idp.liveperson.net\",\"aud\":\"acc:" + _emulator.Account + "\",\"exp\":");
        ((long)claims["exp"]! - (long)claims["iat"]!).Should().Be(300);
        ((string?)claims["name"]).Should().Be("Eitan");
        _emulator.Server.BrandPublicKeyPem.Should().StartWith("-----BEGIN PUBLIC KEY-----");
    }

    [Fact]
    public async Task Should_map_the_same_brand_user_to_the_same_consumer_who_sees_their_conversation_again()
    {
        var subject = "user-" + Guid.NewGuid();
        var first = (string)(await _emulator.AuthenticateAsync(_emulator.Server.IssueExternalJwt(_emulator.Account, subject))).Body["jwt"]!;
        string conversationId;
        await using (var client = await _emulator.ConnectAsync(first))
        {
            conversationId = await client.OpenConversationAsync();
        }

        var second = (string)(await _emulator.AuthenticateAsync(_emulator.Server.IssueExternalJwt(_emulator.Account, subject))).Body["jwt"]!;
        await using var again = await _emulator.ConnectAsync(second);
        await again.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN"));
        var shown = await again.NextAsync(IsNotification);

        ((string?)Jwt.Payload(second)["sub"]).Should().Be((string?)Jwt.Payload(first)["sub"]);
        ((JArray)shown["body"]!["changes"]!).Select(c => (string?)c["result"]!["convId"]).Should().Equal(conversationId);
    }

    [Theory]
    [InlineData("garbage", "authCode is not a valid JWT")]
    [InlineData("forged", "authCode signature does not match the brand's key")]
    [InlineData("lp-token", "authCode signature does not match the brand's key")]
    [InlineData("alg-none", "authCode must be signed with RS256")]
    public async Task Should_refuse_a_bad_authCode_with_401(string kind, string expected)
    {
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, "victim");
        var parts = Jwt.Parts(external);
        var authCode = kind switch
        {
            "garbage" => "not-a-jwt",
            // Another user's name under the brand's real signature.
            "forged" => parts[0] + "." + Jwt.Encode(Jwt.PayloadText(external).Replace("victim", "mallory")) + "." + parts[2],
            "lp-token" => await _emulator.SignupAsync(),
            _ => Jwt.Encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2],
        };

        var (status, body) = await _emulator.AuthenticateAsync(authCode);

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Error().Should().Be(expected);
        body.Should().NotContainKey("jwt");
    }

    [Theory]
    [InlineData(null, "authCode must be a non-empty string")]
    [InlineData("{}", "authCode must be a non-empty string")]
    [InlineData("{\"authCode\":42}", "authCode must be a non-empty string")]
    [InlineData("authCode=abc", "Body must be a JSON object")]
    public async Task Should_answer_400_to_a_missing_or_invalid_body(string? json, string expected)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/authenticate", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Error().Should().Be(expected);
    }
}
