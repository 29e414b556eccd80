using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Security;

/// <summary>Splits and decodes a JWT (base64url header and payload), like the tutorial's sed | base64 --decode.</summary>
public static class JwtDecoder
{
    /// <summary>Decodes <paramref name="token"/>, or says in <paramref name="error"/> which part is wrong.</summary>
    public static DecodedJwt? TryDecode(string token, out string? error)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            error = $"a JWT has three dot-separated parts, this has {parts.Length}";
            return null;
        }
        var header = Part(parts[0], "header", out error);
        var payload = header is null ? null : Part(parts[1], "payload", out error);
        if (header is null || payload is null)
        {
            return null;
        }
        if (!TryBase64Url(parts[2], out var signature))
        {
            error = "the signature is not base64url";
            return null;
        }
        return new DecodedJwt(header, payload, signature.Length);
    }

    private static JObject? Part(string text, string name, out string? error)
    {
        error = null;
        if (!TryBase64Url(text, out var bytes))
        {
            error = $"the {name} is not base64url";
            return null;
        }
        try
        {
            if (JsonConvert.DeserializeObject<JToken>(Encoding.UTF8.GetString(bytes), new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }) is JObject obj)
            {
                return obj;
            }
        }
        catch (JsonException)
        {
            // Reported below, the same as a non-object.
        }
        error = $"the {name} is not a JSON object";
        return null;
    }

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            bytes = Convert.FromBase64String(s);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
