namespace LpRepl.Emulator.Security;

/// <summary>What an IDP call produced: a token, or a short reason it was refused (an HTTP 401).</summary>
internal sealed record IdpResult(string? Token, string? Error)
{
    public static IdpResult Ok(string token) => new(token, null);

    public static IdpResult Refused(string error) => new(null, error);
}
