using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Security;

/// <summary>Issues and checks consumer JWTs shaped like the real IDP's (RS256, kid "00001").</summary>
internal sealed class TokenService : IDisposable
{
    // The real IDP's unauthenticated tokens live exactly this long (about 13 years).
    public const long LifetimeSeconds = 410_240_040;

    // Byte-for-byte the header of every LP-issued JWT.
    public const string HeaderJson = "{\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}";

    private readonly RSA _key = RSA.Create(2048);
    private readonly TimeProvider _time;

    public TokenService(TimeProvider time) => _time = time;

    /// <summary>The public half of the signing key, for verifying tokens outside the emulator.</summary>
    public RSAParameters PublicKey => _key.ExportParameters(includePrivateParameters: false);

    public string Issue(string account) => Issue(account, Guid.NewGuid().ToString());

    public string Issue(string account, string consumerId)
    {
        var iat = _time.GetUtcNow().ToUnixTimeSeconds();
        // Written by hand so "/" comes out as "\/" like the Java serializer of the real IDP.
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"sub\":\"{consumerId}\",\"aud\":\"acc:{account}\",\"iss\":\"https:\\/\\/idp.liveperson.net\",\"exp\":{iat + LifetimeSeconds},\"iat\":{iat}}}");
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(HeaderJson)) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    public TokenValidation Validate(string token, string account)
    {
        var parts = token.Split('.');
        if (parts.Length != 3
            || !Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature)
            || TryParseObject(headerBytes) is not { } header
            || TryParseObject(payloadBytes) is not { } payload
            || (string?)header["alg"] != "RS256")
        {
            return TokenValidation.Fail(TokenFailure.Malformed);
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!_key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return TokenValidation.Fail(TokenFailure.BadSignature);
        }

        if (payload["sub"] is not JValue { Type: JTokenType.String } sub || string.IsNullOrEmpty((string?)sub)
            || payload["exp"] is not JValue { Type: JTokenType.Integer } exp)
        {
            return TokenValidation.Fail(TokenFailure.Malformed);
        }

        if ((long)exp <= _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return TokenValidation.Fail(TokenFailure.Expired);
        }

        return (string?)payload["aud"] == "acc:" + account
            ? TokenValidation.Success((string)sub!)
            : TokenValidation.Fail(TokenFailure.WrongAudience);
    }

    public void Dispose() => _key.Dispose();

    private static JObject? TryParseObject(byte[] utf8)
    {
        try
        {
            return JsonConvert.DeserializeObject<JToken>(Encoding.UTF8.GetString(utf8)) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
