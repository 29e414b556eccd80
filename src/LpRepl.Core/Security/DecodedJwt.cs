using Newtonsoft.Json.Linq;

namespace LpRepl.Security;

/// <summary>A JWT's readable parts. The signature is only measured: the issuer's key is not ours to know.</summary>
public sealed record DecodedJwt(JObject Header, JObject Payload, int SignatureBytes)
{
    public string? Subject => (string?)Payload["sub"] is { Length: > 0 } sub ? sub : null;

    /// <summary>The account of an LP token's <c>aud</c> ("acc:12345678" → "12345678").</summary>
    public string? Account => (string?)Payload["aud"] is { } aud && aud.StartsWith("acc:", StringComparison.Ordinal) ? aud[4..] : null;

    public DateTimeOffset? IssuedAt => Seconds("iat");

    public DateTimeOffset? Expires => Seconds("exp");

    private DateTimeOffset? Seconds(string claim) =>
        Payload[claim] is JValue { Type: JTokenType.Integer or JTokenType.Float } v && (double)v is var s && s is > -62135596800 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds((long)s)
            : null;
}
