using System.Net;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>External tokens over time: expiry at /authenticate and app authenticate, and the 730 h refresh window.</summary>
public sealed class TokenExpiryTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private readonly ExpiredTokenTests.ManualClockEmulator _emulator;

    public TokenExpiryTests(ExpiredTokenTests.ManualClockEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_refuse_an_expired_brand_token()
    {
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, "brand-user", TimeSpan.FromMinutes(1));
        _emulator.Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, body) = await _emulator.AuthenticateAsync(external);

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Error().Should().Be("authCode has expired");
    }

    [Fact]
    public async Task Should_refresh_an_expired_anonymous_token_that_can_no_longer_authenticate()
    {
        var first = await _emulator.NewAnonymousTokenAsync();
        _emulator.Clock.Advance(TimeSpan.FromMinutes(11));

        var (expiredStatus, expiredBody) = await _emulator.AppAuthenticateAsync(first);
        var (refreshStatus, refreshed) = await _emulator.AnonymousAuthorizeAsync(first);
        var (status, _) = await _emulator.AppAuthenticateAsync((string)refreshed["token"]!);

        expiredStatus.Should().Be(HttpStatusCode.Unauthorized);
        expiredBody.Error().Should().Be("id_token has expired");
        refreshStatus.Should().Be(HttpStatusCode.OK);
        ((string?)Jwt.Payload((string)refreshed["token"]!)["sub"]).Should().Be((string?)Jwt.Payload(first)["sub"]);
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_to_refresh_a_token_issued_730_hours_ago()
    {
        var first = await _emulator.NewAnonymousTokenAsync();
        _emulator.Clock.Advance(TimeSpan.FromHours(730));

        var (status, body) = await _emulator.AnonymousAuthorizeAsync(first);

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Error().Should().Be("id_token is too old to refresh");
    }

    [Fact]
    public async Task Should_close_the_socket_with_4401_once_the_copied_exp_has_passed()
    {
        var external = _emulator.Server.IssueExternalJwt(_emulator.Account, "brand-user-2", TimeSpan.FromMinutes(5));
        var jwt = (string)(await _emulator.AuthenticateAsync(external)).Body["jwt"]!;
        _emulator.Clock.Advance(TimeSpan.FromMinutes(6));

        await using var client = await _emulator.ConnectAsync(jwt);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((System.Net.WebSockets.WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Token expired");
    }
}
