using System.Text.RegularExpressions;

namespace LpRepl.Security;

/// <summary>
/// Removes whole JWTs from text bound for logs and transcripts. The header stays readable so a
/// log still shows that a token was there; the payload and signature never leave the process.
/// </summary>
public static partial class SecretRedactor
{
    // Three base64url segments, the first two starting with '{"' encoded (eyJ).
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    public static string Redact(string text) =>
        text.Contains("eyJ", StringComparison.Ordinal) ? Jwt().Replace(text, m => Shorten(m.Value)) : text;

    /// <summary>A token shortened to its first characters, for display: <c>eyJraWQiOi…(redacted)</c>.</summary>
    public static string Shorten(string token) =>
        token.Length <= 12 ? token : string.Concat(token.AsSpan(0, 12), "…(redacted)");
}
