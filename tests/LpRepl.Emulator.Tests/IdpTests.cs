using System.Net;
using System.Security.Cryptography;
using System.Text;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class IdpTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public IdpTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_issue_a_token_shaped_like_the_real_idp()
    {
        var jwt = await _emulator.SignupAsync();

        var parts = Jwt.Parts(jwt);
        parts.Should().HaveCount(3);
        parts.Should().OnlyContain(p => !p.Contains('=') && !p.Contains('+') && !p.Contains('/'));
        Jwt.DecodeText(parts[0]).Should().Be("{\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}");

        var payloadText = Jwt.DecodeText(parts[1]);
        payloadText.Should().Contain("\"iss\":\"https:\\/\\/idp.liveperson.net\"");
        payloadText.Should().MatchRegex("^\\{\"sub\":\"[^\"]+\",\"aud\":\"[^\"]+\",\"iss\":\"[^\"]+\",\"exp\":\\d+,\"iat\":\\d+\\}$");

        var payload = JObject.Parse(payloadText);
        Guid.TryParse((string?)payload["sub"], out var sub).Should().BeTrue();
        sub.Version.Should().Be(4);
        ((string?)payload["aud"]).Should().Be("acc:" + _emulator.Account);
        ((string?)payload["iss"]).Should().Be("https://idp.liveperson.net");
        var iat = (long)payload["iat"]!;
        iat.Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        ((long)payload["exp"]! - iat).Should().Be(410_240_040);
    }

    [Fact]
    public async Task Should_sign_with_RS256_verifiable_by_the_public_key()
    {
        var parts = Jwt.Parts(await _emulator.SignupAsync());

        using var rsa = RSA.Create(_emulator.Server.Tokens.PublicKey);
        var verified = rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Jwt.Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        verified.Should().BeTrue();
    }

    [Fact]
    public async Task Should_give_every_signup_a_new_consumer()
    {
        var first = JObject.Parse(Jwt.DecodeText(Jwt.Parts(await _emulator.SignupAsync())[1]));
        var second = JObject.Parse(Jwt.DecodeText(Jwt.Parts(await _emulator.SignupAsync())[1]));

        ((string?)first["sub"]).Should().NotBe((string?)second["sub"]);
    }

    [Fact]
    public async Task Should_refuse_a_bad_account()
    {
        using var response = await _emulator.Http.PostAsync("api/account/no%20spaces/signup", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
