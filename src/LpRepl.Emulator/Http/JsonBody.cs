using System.Text;
using LpRepl.Emulator.Messaging;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>Reads small JSON request bodies (tokens, logins, site settings) without trusting their size.</summary>
internal static class JsonBody
{
    // Far more than any JWT or setting; a bigger body is a mistake, not data.
    private const int MaxBytes = 64 * 1024;

    /// <summary>The body as a JSON object; an empty body gives (null, null), a bad one (null, reason).</summary>
    public static async Task<(JObject? Body, string? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await CappedBody.ReadAsync(request.Body, MaxBytes, ct);
        if (bytes is null)
        {
            return (null, "Body is too large");
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        return FrameParser.TryParse(text, out var body, out _) ? (body, null) : (null, "Body must be a JSON object");
    }

    /// <summary>A non-empty string field, or null.</summary>
    public static string? String(JObject? body, string name) =>
        body?[name] is JValue { Type: JTokenType.String } value && ((string?)value)!.Length > 0 ? (string)value! : null;
}
