using System.Security.Cryptography;
using System.Text;

namespace LpRepl.Emulator.Security;

/// <summary>
/// The IDP's token exchanges: a brand's external JWT for an authenticated consumer's LP JWT, and the
/// connector flow that hands out anonymous external tokens and exchanges them for LP JWTs.
/// </summary>
internal sealed class IdentityProvider : IDisposable
{
    public const string Issuer = "https://idp.liveperson.net";

    // The UNAUTH tutorial: anonymous tokens last 10 minutes and may be refreshed for 730 hours.
    public static readonly TimeSpan AnonymousLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromHours(730);

    // The AUTH tutorial's LP_AUTH_JWT runs about two years; sample brand tokens do the same.
    public static readonly TimeSpan DefaultExternalLifetime = TimeSpan.FromDays(730);

    private const string BrandKeyOwner = "the brand's key";
    private const string ConnectorKeyOwner = "the connector's key";

    private readonly TokenService _tokens;
    private readonly ExternalTokenKey _connectorKey;
    private readonly TimeProvider _time;

    // connectorKey: null makes a new one.
    public IdentityProvider(TokenService tokens, ExternalTokenKey brandKey, string connectorId, TimeProvider time, ExternalTokenKey? connectorKey = null)
    {
        _tokens = tokens;
        _connectorKey = connectorKey ?? ExternalTokenKey.Generate();
        BrandKey = brandKey;
        ConnectorId = connectorId;
        _time = time;
    }

    public ExternalTokenKey BrandKey { get; }

    public string ConnectorId { get; }

    /// <summary>The connector's private key as PKCS#8, to keep it for the next run.</summary>
    public byte[] ExportConnectorKey() => _connectorKey.ExportKey();

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A brand token for a user, as the brand's own login would make it.</summary>
    public string IssueBrandToken(string account, string subject, TimeSpan lifetime, string? name)
    {
        var iat = Now;
        return BrandKey.Sign(account, subject, iat, iat + (long)lifetime.TotalSeconds, name);
    }

    /// <summary>/authenticate: a brand token, or (the older UNAUTH tutorial) an anonymous token, for an LP JWT.</summary>
    public IdpResult Authenticate(string account, string authCode)
    {
        var check = ExternalTokenReader.Read(authCode, [BrandKey, _connectorKey], Now);
        if (!check.IsValid)
        {
            return IdpResult.Refused(check.Reason("authCode", BrandKeyOwner));
        }

        if (check.SignedBy == _connectorKey)
        {
            return IssueAnonymous(account, check, "authCode");
        }

        // A stable hash: the same brand user is the same consumer (and sees their conversations) every time.
        var consumerId = ConsumerIdFor(account, check.Subject);
        return IdpResult.Ok(_tokens.IssueAuthenticated(account, consumerId, check.Subject, check.Exp));
    }

    /// <summary>anonymous/authorize: a new anonymous identity, or a refresh of <paramref name="oldToken"/> keeping its sub.</summary>
    public IdpResult AuthorizeAnonymous(string account, string? oldToken)
    {
        var subject = Guid.NewGuid().ToString();
        if (oldToken is not null)
        {
            // Refresh exists for tokens that ran out, so an expired one is fine; a stale one is not.
            var check = ExternalTokenReader.Read(oldToken, [_connectorKey], Now, allowExpired: true);
            if (!check.IsValid)
            {
                return IdpResult.Refused(check.Reason("id_token", ConnectorKeyOwner));
            }

            if (check.Audience != "acc:" + account)
            {
                return IdpResult.Refused("id_token was issued for another account");
            }

            if (check.Iat is not { } iat || Now - iat >= (long)RefreshWindow.TotalSeconds)
            {
                return IdpResult.Refused("id_token is too old to refresh");
            }

            subject = check.Subject;
        }

        var now = Now;
        return IdpResult.Ok(_connectorKey.Sign(account, subject, now, now + (long)AnonymousLifetime.TotalSeconds));
    }

    /// <summary>app/{connector}/authenticate: an anonymous token for an LP JWT whose sub is the token's own.</summary>
    public IdpResult AuthenticateAnonymous(string account, string idToken)
    {
        var check = ExternalTokenReader.Read(idToken, [_connectorKey], Now);
        return check.IsValid
            ? IssueAnonymous(account, check, "id_token")
            : IdpResult.Refused(check.Reason("id_token", ConnectorKeyOwner));
    }

    public void Dispose()
    {
        _connectorKey.Dispose();
        BrandKey.Dispose();
    }

    /// <summary>Lower-hex SHA-256 of "account:external sub": 64 hex characters like the tutorial's sample.</summary>
    internal static string ConsumerIdFor(string account, string externalSubject) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account + ":" + externalSubject)));

    // Anonymous consumers keep the token's UUID as their id, so they look like signup consumers.
    private IdpResult IssueAnonymous(string account, ExternalTokenCheck check, string field) =>
        check.Audience == "acc:" + account
            ? IdpResult.Ok(_tokens.IssueUnauthenticated(account, check.Subject, check.Exp))
            : IdpResult.Refused(field + " was issued for another account");
}
