namespace LpRepl.Emulator.Messaging;

/// <summary>Reads the token from <c>Authorization: jwt &lt;token&gt;</c> (scheme case-insensitive).</summary>
internal static class AuthorizationHeader
{
    public static string? ReadJwt(string? headerValue)
    {
        var value = headerValue?.Trim();
        const string Scheme = "jwt";
        if (value is null
            || value.Length <= Scheme.Length
            || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(value[Scheme.Length]))
        {
            return null;
        }

        var token = value[Scheme.Length..].Trim();
        return token.Length == 0 || token.Any(char.IsWhiteSpace) ? null : token;
    }
}
