using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>Decodes the parts of a JWT the way `base64 --decode` would, for assertions on the raw JSON; signs test tokens.</summary>
public static class Jwt
{
    public const string ExternalHeader = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    public static string[] Parts(string token) => token.Split('.');

    public static byte[] Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    public static string DecodeText(string part) => Encoding.UTF8.GetString(Decode(part));

    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The payload as raw JSON text, escapes and field order as the issuer wrote them.</summary>
    public static string PayloadText(string token) => DecodeText(Parts(token)[1]);

    public static JObject Payload(string token) => JObject.Parse(PayloadText(token));

    /// <summary>An RS256 token over any payload, as a brand would sign its users' tokens.</summary>
    public static string Sign(RSA key, object payload, string header = ExternalHeader)
    {
        var input = Encode(header) + "." + Encode(JsonConvert.SerializeObject(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
