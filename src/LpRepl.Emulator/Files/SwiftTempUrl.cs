using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Files;

/// <summary>
/// Signs file paths the way OpenStack Swift temp URLs are signed (HMAC-SHA1 of "METHOD\nexpires\npath"),
/// with a key made at start, and verifies them for the emulator's Swift endpoint.
/// </summary>
internal sealed class SwiftTempUrl
{
    public const string PathPrefix = "/v1/AUTH_async-images/";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    // lifetime: how long a URL stays valid; the file-sharing tutorial documents "1 minute by default".
    public SwiftTempUrl(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        Lifetime = lifetime;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>The body of ms.BaseGenerateURLResponse: relativePath and queryParams {temp_url_sig, temp_url_expires}.</summary>
    public JObject Generate(string method, string relativePath)
    {
        var expires = (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new JObject
        {
            ["relativePath"] = relativePath,
            ["queryParams"] = new JObject
            {
                ["temp_url_sig"] = Sign(method, expires, relativePath),
                ["temp_url_expires"] = expires,
            },
        };
    }

    /// <summary>Whether a request's temp_url_sig and temp_url_expires are what <see cref="Generate"/> made for this method and path.</summary>
    public SwiftUrlCheck Verify(string method, string relativePath, string? signature, string? expires)
    {
        if (signature is null || expires is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return SwiftUrlCheck.Invalid;
        }

        // Constant time, so the emulator does not teach anyone how to forge a signature byte by byte.
        var expected = Encoding.UTF8.GetBytes(Sign(method, expires, relativePath));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature)))
        {
            return SwiftUrlCheck.Invalid;
        }

        // Like Swift: the URL works up to and including its expiry second.
        return expiresAt < _time.GetUtcNow().ToUnixTimeSeconds() ? SwiftUrlCheck.Expired : SwiftUrlCheck.Valid;
    }

    private string Sign(string method, string expires, string relativePath) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes($"{method}\n{expires}\n{relativePath}")));
}
