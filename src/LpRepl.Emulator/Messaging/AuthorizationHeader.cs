namespace LpRepl.Emulator.Messaging;

/// <summary>Reads the token from <c>Authorization: jwt &lt;token&gt;</c> or <c>Authorization: Bearer &lt;token&gt;</c> (scheme case-insensitive).</summary>
internal static class AuthorizationHeader
{
    public static string? ReadJwt(string? headerValue) => Read(headerValue, "jwt");

    public static string? ReadBearer(string? headerValue) => Read(headerValue, "Bearer");

    private static string? Read(string? headerValue, string scheme)
    {
        var value = headerValue?.Trim();
        if (value is null
            || value.Length <= scheme.Length
            || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(value[scheme.Length]))
        {
            return null;
        }

        var token = value[scheme.Length..].Trim();
        return token.Length == 0 || token.Any(char.IsWhiteSpace) ? null : token;
    }
}
