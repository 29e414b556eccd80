namespace LpRepl.Emulator.Security;

/// <summary>The outcome of reading an external JWT: its claims and which key signed it, or why it was refused.</summary>
internal sealed record ExternalTokenCheck(
    ExternalTokenFailure Failure,
    string Subject = "",
    long Exp = 0,
    long? Iat = null,
    string? Audience = null,
    ExternalTokenKey? SignedBy = null)
{
    public bool IsValid => Failure == ExternalTokenFailure.None;

    /// <summary>A short reason naming the request field (authCode, id_token) and whose key was expected.</summary>
    public string Reason(string field, string keyOwner) => Failure switch
    {
        ExternalTokenFailure.Malformed => $"{field} is not a valid JWT",
        ExternalTokenFailure.NotRs256 => $"{field} must be signed with RS256",
        ExternalTokenFailure.BadSignature => $"{field} signature does not match {keyOwner}",
        ExternalTokenFailure.NoSubject => $"{field} needs a non-empty sub",
        ExternalTokenFailure.NoExpiry => $"{field} needs an integer exp",
        ExternalTokenFailure.Expired => $"{field} has expired",
        _ => "ok",
    };
}
