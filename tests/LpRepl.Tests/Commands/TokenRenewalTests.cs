using System.Text;
using LpRepl.Commands;
using LpRepl.Repl;
using LpRepl.Session;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>Renewing LP_JWT after 4401, 4407 or an HTTP 401, against the real emulator's identity service.</summary>
public sealed class TokenRenewalTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private async Task<(CollectingOutput Output, ReplSession Session)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        return (output, session);
    }

    private static Task<RenewalOutcome> Renew(ReplSession session, int code) =>
        TokenRenewal.TryRenewAsync(session, code, CancellationToken.None).WaitAsync(Timeout);

    private static string? Consumer(ReplSession session) => IdentityOrigin.SubjectOf(session.Variables["LP_JWT"]!);

    private static void ShowsNoWholeToken(CollectingOutput output, RenewalOutcome outcome, params string?[] tokens)
    {
        foreach (var token in tokens.OfType<string>())
        {
            outcome.Message.Should().NotContain(token);
            output.Entries.Should().NotContain(e => e.Text.Contains(token), "a whole token is never shown");
        }
    }

    [Theory]
    [InlineData(AuthRefusal.IdentityMustBeExtended)]
    [InlineData(AuthRefusal.TokenExpired)]
    public async Task Should_refresh_an_anonymous_identity_keeping_the_consumer(int code)
    {
        var (output, session) = await Run($"LP_CONN_ID={emulator.Server.ConnectorId}", "anonymous");
        await using var _ = session;
        var consumer = Consumer(session);
        session.Identity.Kind.Should().Be(IdentityKind.Anonymous);

        var outcome = await Renew(session, code);

        outcome.Renewed.Should().BeTrue(outcome.Message);
        consumer.Should().NotBeNull();
        Consumer(session).Should().Be(consumer);
        outcome.Message.Should().StartWith($"the server closed the socket with {code}").And.EndWith($"same consumer {consumer}");
        session.Identity.Kind.Should().Be(IdentityKind.Anonymous, "the renewed token can be renewed again");
        IdentityOrigin.SubjectOf(session.Variables["UNAUTH_JWT"]!).Should().NotBeNull();
        ShowsNoWholeToken(output, outcome, session.Variables["LP_JWT"], session.Variables["UNAUTH_JWT"]);
    }

    [Theory]
    [InlineData(AuthRefusal.TokenExpired)]
    [InlineData(AuthRefusal.HttpUnauthorized)]
    public async Task Should_authenticate_again_with_a_valid_external_token_keeping_the_consumer(int code)
    {
        var external = emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-77");
        var (output, session) = await Run($"LP_EXT_JWT={external}", "authenticate");
        await using var _ = session;
        var consumer = Consumer(session);

        var outcome = await Renew(session, code);

        outcome.Renewed.Should().BeTrue(outcome.Message);
        Consumer(session).Should().Be(consumer).And.NotBeNull();
        session.Variables["LP_AUTH_JWT"].Should().Be(session.Variables["LP_JWT"]);
        outcome.Message.Should().Contain("traded the external token again").And.EndWith($"same consumer {consumer}");
        ShowsNoWholeToken(output, outcome, external, session.Variables["LP_JWT"]);
    }

    [Fact]
    public async Task Should_advise_a_new_signup_for_a_signup_token_and_change_nothing()
    {
        var (_, session) = await Run("signup");
        await using var _ = session;
        var before = session.Variables["LP_JWT"];

        var outcome = await Renew(session, AuthRefusal.TokenExpired);

        outcome.Should().Be(new RenewalOutcome(false,
            "the server closed the socket with 4401: LP_JWT expired (or is missing); a signup token cannot be renewed: 'signup' makes a new consumer (this conversation is lost), then 'connect'",
            "signup"));
        session.Variables["LP_JWT"].Should().Be(before);
    }

    [Fact]
    public async Task Should_advise_a_refresh_on_4407_for_a_token_set_by_hand()
    {
        var (_, session) = await Run($"LP_CONN_ID={emulator.Server.ConnectorId}", "anonymous", "LP_JWT=$UNAUTH_JWT");
        await using var _ = session;
        session.Identity.Should().BeSameAs(IdentityOrigin.Manual, "LP_JWT no longer holds the token 'anonymous' stored");
        var before = session.Variables["LP_JWT"];

        var outcome = await Renew(session, AuthRefusal.IdentityMustBeExtended);

        outcome.Renewed.Should().BeFalse();
        outcome.Command.Should().Be("anonymous --refresh");
        outcome.Message.Should().StartWith("the server closed the socket with 4407: the unauthenticated identity must be extended: 'anonymous --refresh'");
        session.Variables["LP_JWT"].Should().Be(before);
        (await Renew(session, AuthRefusal.TokenExpired)).Message.Should().Contain("LP_JWT was set by hand, so LpRepl cannot renew it");
    }

    [Fact]
    public async Task Should_advise_a_new_login_when_the_external_token_expired()
    {
        var (_, session) = await Run("signup");
        await using var _ = session;
        var lpJwt = session.Variables["LP_JWT"]!;
        session.Identity = IdentityOrigin.Authenticated(lpJwt, UnsignedJwt("""{"sub":"user-1","exp":1000}"""));

        var outcome = await Renew(session, AuthRefusal.TokenExpired);

        outcome.Renewed.Should().BeFalse();
        outcome.Command.Should().Be("authenticate");
        outcome.Message.Should().Contain("the external token expired at 1970-01-01 00:16:40 UTC").And.Contain("'authenticate NEW_TOKEN'");
        session.Variables["LP_JWT"].Should().Be(lpJwt);
    }

    [Fact]
    public async Task Should_not_store_a_renewed_token_of_another_consumer()
    {
        var (_, session) = await Run($"LP_EXT_JWT={emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-1")}", "authenticate");
        await using var _ = session;
        var lpJwt = session.Variables["LP_JWT"]!;
        // An origin whose external token is another user's: renewal must notice the consumer changed.
        session.Identity = IdentityOrigin.Authenticated(lpJwt, emulator.Server.IssueExternalJwt(EmulatorFixture.Account, "user-2"));

        var outcome = await Renew(session, AuthRefusal.TokenExpired);

        outcome.Renewed.Should().BeFalse();
        outcome.Message.Should().Contain($"not {IdentityOrigin.SubjectOf(lpJwt)}, so LP_JWT was left as it was");
        session.Variables["LP_JWT"].Should().Be(lpJwt);
    }

    [Fact]
    public async Task Should_report_a_failed_refresh_with_the_command_to_retry()
    {
        var (_, session) = await Run($"LP_CONN_ID={emulator.Server.ConnectorId}", "anonymous");
        await using var _ = session;
        var lpJwt = session.Variables["LP_JWT"]!;
        session.Identity = IdentityOrigin.Anonymous(lpJwt, "no-such-connector", session.Variables["UNAUTH_JWT"]!);

        var outcome = await Renew(session, AuthRefusal.IdentityMustBeExtended);

        outcome.Renewed.Should().BeFalse();
        outcome.Message.Should().Contain("renewing it failed (").And.Contain("HTTP 404").And.EndWith("'anonymous --refresh', then 'connect'");
        session.Variables["LP_JWT"].Should().Be(lpJwt);
    }

    [Fact]
    public async Task Should_leave_a_close_that_is_not_about_the_token_alone()
    {
        var (_, session) = await Run("signup");
        await using var _ = session;

        var outcome = await Renew(session, 1006);

        outcome.Renewed.Should().BeFalse();
        outcome.Message.Should().Be("the server closed the socket with 1006: not a token problem, so there is nothing to renew");
    }

    [Fact]
    public void Should_describe_an_origin_without_its_tokens()
    {
        var external = UnsignedJwt("""{"sub":"brand-user","exp":4102444800}""");
        var lpJwt = UnsignedJwt("""{"sub":"consumer-9"}""");

        var origin = IdentityOrigin.Authenticated(lpJwt, external);

        origin.ToString().Should().Be("Authenticated (consumer consumer-9)");
        origin.Issued(lpJwt).Should().BeTrue();
        origin.Issued(external).Should().BeFalse();
        origin.Issued(null).Should().BeFalse();
        IdentityOrigin.Manual.Issued(lpJwt).Should().BeFalse();
        origin.ExternalExpires.Should().Be(DateTimeOffset.FromUnixTimeSeconds(4102444800));
    }

    private static string UnsignedJwt(string payload) =>
        $"{Base64Url("""{"alg":"RS256","typ":"JWT"}""")}.{Base64Url(payload)}.{Base64Url("signature")}";

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
