using System.Security.Cryptography;
using System.Text;
using LpRepl.Emulator.Messaging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Security;

/// <summary>A JWT in compact form, split into its parsed header and payload and the bytes its signature covers.</summary>
internal sealed record CompactJwt(JObject Header, JObject Payload, byte[] SigningInput, byte[] Signature)
{
    /// <summary>Three base64url parts whose first two are JSON objects, or null.</summary>
    public static CompactJwt? TryParse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3
            || !Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature)
            || !FrameParser.TryParse(Encoding.UTF8.GetString(headerBytes), out var header, out _)
            || !FrameParser.TryParse(Encoding.UTF8.GetString(payloadBytes), out var payload, out _))
        {
            return null;
        }

        return new CompactJwt(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
    }

    /// <summary>Signs the two JSON texts exactly as given, so callers control field order and escaping.</summary>
    public static string SignRs256(RSA key, string headerJson, string payloadJson)
    {
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson)) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    public bool IsRs256 => (string?)Header["alg"] == "RS256";

    public bool VerifyRs256(RSA key) =>
        IsRs256 && key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>A non-empty string claim, or null.</summary>
    public string? StringClaim(string name) =>
        Payload[name] is JValue { Type: JTokenType.String } value && ((string?)value)!.Length > 0 ? (string)value! : null;

    /// <summary>An integer claim that fits a long (epoch seconds), or null.</summary>
    public long? LongClaim(string name) => Payload[name] is JValue { Value: long value } ? value : null;
}
