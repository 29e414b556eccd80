using System.Net;
using System.Security.Cryptography;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>A brand public key given in the options: the only key /authenticate accepts brand tokens from.</summary>
public sealed class BrandKeyTests : IClassFixture<BrandKeyTests.BrandKeyEmulator>
{
    private readonly BrandKeyEmulator _emulator;

    public BrandKeyTests(BrandKeyEmulator emulator) => _emulator = emulator;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task Should_accept_a_token_signed_by_the_configured_brand_key()
    {
        var exp = Now + 3600;
        var external = Jwt.Sign(_emulator.BrandKey, new { sub = "brand-user", iss = "https://brand.example", aud = "acc:" + _emulator.Account, exp, iat = Now });

        var (status, body) = await _emulator.AuthenticateAsync(external);
        await using var client = await _emulator.ConnectAsync((string)body["jwt"]!);
        var conversation = await client.RequestAsync("cm.ConsumerRequestConversation");

        status.Should().Be(HttpStatusCode.OK);
        ((long)Jwt.Payload((string)body["jwt"]!)["exp"]!).Should().Be(exp);
        ((string?)Jwt.Payload((string)body["jwt"]!)["lp.ext"]!["sub"]).Should().Be("brand-user");
        ((int)conversation["code"]!).Should().Be(200);
    }

    [Fact]
    public void Should_have_no_brand_key_of_its_own_to_sign_with()
    {
        var act = () => _emulator.Server.IssueExternalJwt(_emulator.Account, "someone");

        act.Should().Throw<InvalidOperationException>();
        _emulator.Server.BrandPublicKeyPem.Should().Be(_emulator.BrandKey.ExportSubjectPublicKeyInfoPem());
    }

    [Theory]
    [InlineData("other-key", "authCode signature does not match the brand's key")]
    [InlineData("expired", "authCode has expired")]
    [InlineData("no-sub", "authCode needs a non-empty sub")]
    [InlineData("empty-sub", "authCode needs a non-empty sub")]
    [InlineData("no-exp", "authCode needs an integer exp")]
    public async Task Should_refuse_tokens_the_brand_key_does_not_vouch_for(string kind, string expected)
    {
        using var otherKey = RSA.Create(2048);
        var aud = "acc:" + _emulator.Account;
        var external = kind switch
        {
            "other-key" => Jwt.Sign(otherKey, new { sub = "brand-user", aud, exp = Now + 3600 }),
            "expired" => Jwt.Sign(_emulator.BrandKey, new { sub = "brand-user", aud, exp = Now - 1, iat = Now - 3600 }),
            "no-sub" => Jwt.Sign(_emulator.BrandKey, new { aud, exp = Now + 3600 }),
            "empty-sub" => Jwt.Sign(_emulator.BrandKey, new { sub = "", aud, exp = Now + 3600 }),
            _ => Jwt.Sign(_emulator.BrandKey, new { sub = "brand-user", aud }),
        };

        var (status, body) = await _emulator.AuthenticateAsync(external);

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Error().Should().Be(expected);
    }

    [Fact]
    public async Task Should_refuse_to_start_with_a_key_that_is_not_a_pem()
    {
        var act = () => EmulatorServer.StartAsync(new EmulatorOptions { BrandPublicKeyPem = "not a key" });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*BrandPublicKeyPem*");
    }

    public sealed class BrandKeyEmulator : EmulatorFixture
    {
        public RSA BrandKey { get; } = RSA.Create(2048);

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            BrandKey.Dispose();
        }

        protected override EmulatorOptions CreateOptions() =>
            new() { Agent = AgentMode.Silent, BrandPublicKeyPem = BrandKey.ExportSubjectPublicKeyInfoPem() };
    }
}
