namespace LpRepl.Emulator.Security;

/// <summary>Checks an external JWT against a set of keys: RS256, a matching signature, a sub and an exp.</summary>
internal static class ExternalTokenReader
{
    public static ExternalTokenCheck Read(string token, IReadOnlyList<ExternalTokenKey> keys, long now, bool allowExpired = false)
    {
        if (CompactJwt.TryParse(token) is not { } jwt)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.Malformed);
        }

        // Checked apart from the signature so "alg":"none" or HS256 get a reason that says so.
        if (!jwt.IsRs256)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.NotRs256);
        }

        var signer = keys.FirstOrDefault(key => key.Verify(jwt));
        if (signer is null)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.BadSignature);
        }

        if (jwt.StringClaim("sub") is not { } sub)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.NoSubject);
        }

        if (jwt.LongClaim("exp") is not { } exp)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.NoExpiry);
        }

        if (!allowExpired && exp <= now)
        {
            return new ExternalTokenCheck(ExternalTokenFailure.Expired);
        }

        return new ExternalTokenCheck(ExternalTokenFailure.None, sub, exp, jwt.LongClaim("iat"), jwt.StringClaim("aud"), signer);
    }
}
