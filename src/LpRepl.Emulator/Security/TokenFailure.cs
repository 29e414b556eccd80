namespace LpRepl.Emulator.Security;

/// <summary>Why a consumer JWT was refused.</summary>
internal enum TokenFailure
{
    None,
    Malformed,
    BadSignature,
    Expired,
    WrongAudience,
}
