using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LpRepl.Security;

/// <summary>
/// Removes whole JWTs from text that is shown, logged or recorded. A token is known by its shape,
/// never by the name of the variable that holds it: three base64url segments whose first decodes
/// to a JSON object with an <c>"alg"</c>. The header stays readable so the text still shows that a
/// token was there; the payload and signature never leave the process.
/// </summary>
public static partial class SecretRedactor
{
    // A JSON header starts with '{', which base64url always encodes with a leading 'e'.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])e[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Candidate();

    /// <summary>The text with every whole token shortened; the same instance when it holds none.</summary>
    public static string Redact(string text)
    {
        if (text.IndexOf('.') < 0)
        {
            return text;
        }
        var changed = false;
        var result = Candidate().Replace(text, m =>
        {
            if (!IsToken(m.Value))
            {
                return m.Value;
            }
            changed = true;
            return Shorten(m.Value);
        });
        return changed ? result : text;
    }

    /// <summary>True when <paramref name="text"/> is one whole JWT (see the class summary).</summary>
    public static bool IsToken(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }
        try
        {
            var header = Encoding.UTF8.GetString(Base64Url(parts[0])).TrimStart();
            // Most dotted words are not tokens; only what decodes to an object is worth parsing.
            return header.StartsWith('{') && JToken.Parse(header) is JObject json && json.ContainsKey("alg");
        }
        catch (Exception e) when (e is FormatException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A token shortened to its first characters, for display: <c>eyJraWQiOi…(redacted)</c>.</summary>
    public static string Shorten(string token) =>
        token.Length <= 12 ? token : string.Concat(token.AsSpan(0, 12), "…(redacted)");

    private static byte[] Base64Url(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
