using System.Globalization;
using System.Security.Cryptography;

namespace LpRepl.Emulator.Security;

/// <summary>Issues and checks consumer JWTs shaped like the real IDP's (RS256, kid "00001").</summary>
internal sealed class TokenService : IDisposable
{
    // The real IDP's unauthenticated tokens live exactly this long (about 13 years).
    public const long LifetimeSeconds = 410_240_040;

    // Byte-for-byte the header of every LP-issued JWT.
    public const string HeaderJson = "{\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}";

    // The issuer every LP token and its lp.ext claim name, written the Java way.
    private const string Issuer = "\"https:\\/\\/idp.liveperson.net\"";

    // The authentication context of an unauthenticated (ACR0 connector) identity.
    private const string UnauthenticatedAcr = "0";

    private readonly RSA _key;
    private readonly TimeProvider _time;

    // signingKey: a kept PKCS#8 key (so earlier runs' tokens stay good), or null for a new one.
    public TokenService(TimeProvider time, byte[]? signingKey = null)
    {
        _time = time;
        _key = signingKey is null ? KeyWarmup.Start(RSA.Create(2048)) : Persistence.EmulatorKeys.Import(signingKey);
    }

    /// <summary>The public half of the signing key, for verifying tokens outside the emulator.</summary>
    public RSAParameters PublicKey => _key.ExportParameters(includePrivateParameters: false);

    /// <summary>The signing key as PKCS#8, to keep it for the next run.</summary>
    public byte[] ExportKey() => _key.ExportPkcs8PrivateKey();

    public string Issue(string account) => Issue(account, Guid.NewGuid().ToString());

    public string Issue(string account, string consumerId) => Issue(account, consumerId, exp: null);

    /// <summary>A token for a consumer; <paramref name="exp"/> null means the signup lifetime.</summary>
    public string Issue(string account, string consumerId, long? exp) => Sign(account, consumerId, ext: null, exp);

    /// <summary>
    /// An unauthenticated identity's token (the connector flow): <c>"acr":"0"</c> marks it, so a socket
    /// it opened closes with 4407 (extend the identity) rather than 4401 when it runs out.
    /// </summary>
    public string IssueUnauthenticated(string account, string consumerId, long exp) => Sign(account, consumerId, ext: null, exp, unauthenticated: true);

    /// <summary>An authenticated consumer's token: lp.ext names the brand's user, exp is the brand token's.</summary>
    public string IssueAuthenticated(string account, string consumerId, string externalSubject, long exp) =>
        Sign(account, consumerId, $"{{\"sub\":{JavaJson.Quote(externalSubject)},\"iss\":{Issuer}}}", exp);

    public TokenValidation Validate(string token, string account)
    {
        if (CompactJwt.TryParse(token) is not { IsRs256: true } jwt)
        {
            return TokenValidation.Fail(TokenFailure.Malformed);
        }

        if (!jwt.VerifyRs256(_key))
        {
            return TokenValidation.Fail(TokenFailure.BadSignature);
        }

        if (jwt.StringClaim("sub") is not { } sub || jwt.LongClaim("exp") is not { } exp)
        {
            return TokenValidation.Fail(TokenFailure.Malformed);
        }

        if ((string?)jwt.Payload["aud"] != "acc:" + account)
        {
            return TokenValidation.Fail(TokenFailure.WrongAudience);
        }

        // Checked last: an expired token is otherwise good, and says whose identity needs renewing.
        var unauthenticated = jwt.StringClaim("acr") == UnauthenticatedAcr;
        return exp <= _time.GetUtcNow().ToUnixTimeSeconds()
            ? TokenValidation.Expired(sub, exp, unauthenticated)
            : TokenValidation.Success(sub, exp, unauthenticated);
    }

    public void Dispose() => _key.Dispose();

    private string Sign(string account, string consumerId, string? ext, long? exp, bool unauthenticated = false)
    {
        var iat = _time.GetUtcNow().ToUnixTimeSeconds();
        // Written by hand so "/" comes out as "\/" like the Java serializer of the real IDP, in its field order.
        var extClaim = (ext is null ? "" : ",\"lp.ext\":" + ext) + (unauthenticated ? $",\"acr\":\"{UnauthenticatedAcr}\"" : "");
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"sub\":{JavaJson.Quote(consumerId)},\"aud\":\"acc:{account}\",\"iss\":{Issuer}{extClaim},\"exp\":{exp ?? (iat + LifetimeSeconds)},\"iat\":{iat}}}");
        return CompactJwt.SignRs256(_key, HeaderJson, payload);
    }
}
