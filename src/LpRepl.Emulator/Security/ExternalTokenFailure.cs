namespace LpRepl.Emulator.Security;

/// <summary>Why an external JWT (authCode or id_token) was refused.</summary>
internal enum ExternalTokenFailure
{
    None,
    Malformed,
    NotRs256,
    BadSignature,
    NoSubject,
    NoExpiry,
    Expired,
}
