namespace LpRepl.Emulator.Security;

/// <summary>
/// The outcome of checking a consumer JWT: the consumerId (the token's sub) or why it failed. An
/// expired token that is otherwise good keeps its consumer, exp and kind, so its socket can be told
/// which renewal to do.
/// </summary>
internal sealed record TokenValidation(string? ConsumerId, TokenFailure Failure, long ExpiresAt = 0, bool Unauthenticated = false)
{
    public bool IsValid => Failure == TokenFailure.None;

    // expiresAt: the token's exp (epoch seconds); a connection it opened closes with 4401 (4407 if unauthenticated) then.
    public static TokenValidation Success(string consumerId, long expiresAt = long.MaxValue, bool unauthenticated = false) => new(consumerId, TokenFailure.None, expiresAt, unauthenticated);

    public static TokenValidation Expired(string consumerId, long expiresAt, bool unauthenticated) => new(consumerId, TokenFailure.Expired, expiresAt, unauthenticated);

    public static TokenValidation Fail(TokenFailure failure) => new(null, failure);

    /// <summary>A short human reason, safe to send back to the client.</summary>
    public string Reason => Failure switch
    {
        TokenFailure.None => "ok",
        TokenFailure.Malformed => "malformed token",
        TokenFailure.BadSignature => "bad token signature",
        TokenFailure.Expired => "token expired",
        TokenFailure.WrongAudience => "token was issued for another account",
        _ => "invalid token",
    };
}
