using System.Security.Cryptography;
using System.Text;
using LpRepl.Security;

namespace LpRepl.Session;

/// <summary>
/// How the current LP_JWT was obtained and what renewing it takes: the external token (the brand's
/// for <c>authenticate</c>, UNAUTH_JWT for <c>anonymous</c>) and the connector. It holds the token it
/// describes only as a hash, so a hand-set LP_JWT is told apart, and it never prints a token.
/// </summary>
public sealed class IdentityOrigin
{
    public static readonly IdentityOrigin Manual = new(IdentityKind.Manual, null, null, null, null);

    private readonly string? _issuedHash;

    private IdentityOrigin(IdentityKind kind, string? issued, string? externalToken, string? connectorId, string? consumer)
    {
        Kind = kind;
        _issuedHash = issued is null ? null : Hash(issued);
        ExternalToken = externalToken;
        ConnectorId = connectorId;
        Consumer = consumer;
    }

    public IdentityKind Kind { get; }

    /// <summary>The consumer (the LP token's sub) this identity is, if the token names one.</summary>
    public string? Consumer { get; }

    /// <summary>The connector of an anonymous identity.</summary>
    public string? ConnectorId { get; }

    /// <summary>The token renewal trades again: secret, never shown.</summary>
    internal string? ExternalToken { get; }

    /// <summary>When the external token expires, if it says.</summary>
    public DateTimeOffset? ExternalExpires => ExternalToken is null ? null : JwtDecoder.TryDecode(ExternalToken, out _)?.Expires;

    public static IdentityOrigin Signup(string lpJwt) => new(IdentityKind.Signup, lpJwt, null, null, SubjectOf(lpJwt));

    public static IdentityOrigin Authenticated(string lpJwt, string externalJwt) => new(IdentityKind.Authenticated, lpJwt, externalJwt, null, SubjectOf(lpJwt));

    public static IdentityOrigin Anonymous(string lpJwt, string connectorId, string unauthJwt) => new(IdentityKind.Anonymous, lpJwt, unauthJwt, connectorId, SubjectOf(lpJwt));

    /// <summary>True when <paramref name="lpJwt"/> is the very token this origin describes.</summary>
    public bool Issued(string? lpJwt) => lpJwt is not null && _issuedHash is not null && _issuedHash == Hash(lpJwt);

    public static string? SubjectOf(string token) => JwtDecoder.TryDecode(token, out _)?.Subject;

    public override string ToString() => Consumer is null ? Kind.ToString() : $"{Kind} (consumer {Consumer})";

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
