namespace LpRepl.Emulator.Security;

/// <summary>The outcome of checking a consumer JWT: the consumerId (the token's sub) or why it failed.</summary>
internal sealed record TokenValidation(string? ConsumerId, TokenFailure Failure, long ExpiresAt = 0)
{
    public bool IsValid => Failure == TokenFailure.None;

    // expiresAt: the token's exp (epoch seconds); a connection it opened closes with 4401 then.
    public static TokenValidation Success(string consumerId, long expiresAt = long.MaxValue) => new(consumerId, TokenFailure.None, expiresAt);

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
