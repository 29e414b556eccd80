using LpRepl.Emulator.Security;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class TokenServiceTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly TokenService _tokens;

    public TokenServiceTests() => _tokens = new TokenService(_clock);

    [Fact]
    public void Should_accept_its_own_token_and_return_the_consumer_id()
    {
        var result = _tokens.Validate(_tokens.Issue("acct1", "consumer-1"), "acct1");

        result.IsValid.Should().BeTrue();
        result.ConsumerId.Should().Be("consumer-1");
    }

    [Fact]
    public void Should_tell_why_a_token_is_refused()
    {
        var token = _tokens.Issue("acct1");
        using var otherIssuer = new TokenService(_clock);
        var parts = Jwt.Parts(token);

        _tokens.Validate(token, "acct2").Failure.Should().Be(TokenFailure.WrongAudience);
        _tokens.Validate(otherIssuer.Issue("acct1"), "acct1").Failure.Should().Be(TokenFailure.BadSignature);
        _tokens.Validate(parts[0] + "." + parts[1], "acct1").Failure.Should().Be(TokenFailure.Malformed);
        _tokens.Validate("a.b.c", "acct1").Failure.Should().Be(TokenFailure.Malformed);
        _tokens.Validate(Jwt.Encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], "acct1").Failure.Should().Be(TokenFailure.Malformed);

        _clock.Advance(TimeSpan.FromSeconds(TokenService.LifetimeSeconds));
        _tokens.Validate(token, "acct1").Failure.Should().Be(TokenFailure.Expired);
    }

    public void Dispose() => _tokens.Dispose();
}
