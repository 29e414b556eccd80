using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Files;

/// <summary>
/// Signs file paths the way OpenStack Swift temp URLs are signed (HMAC-SHA1 of "METHOD\nexpires\npath"),
/// with a key made at start, so a Swift endpoint added later can verify what these URLs promise.
/// </summary>
internal sealed class SwiftTempUrl
{
    public const string PathPrefix = "/v1/AUTH_async-images/";

    // Long enough for a person typing the PUT by hand in the REPL.
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    public SwiftTempUrl(TimeProvider time) => _time = time;

    /// <summary>The body of ms.BaseGenerateURLResponse: relativePath and queryParams {temp_url_sig, temp_url_expires}.</summary>
    public JObject Generate(string method, string relativePath)
    {
        var expires = (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes($"{method}\n{expires}\n{relativePath}"));
        return new JObject
        {
            ["relativePath"] = relativePath,
            ["queryParams"] = new JObject
            {
                ["temp_url_sig"] = Convert.ToHexStringLower(signature),
                ["temp_url_expires"] = expires,
            },
        };
    }
}
