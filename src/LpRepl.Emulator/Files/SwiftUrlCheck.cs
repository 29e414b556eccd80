namespace LpRepl.Emulator.Files;

/// <summary>The outcome of checking a Swift temp URL.</summary>
internal enum SwiftUrlCheck
{
    Valid,

    /// <summary>Missing, malformed, or signed for another path or method.</summary>
    Invalid,
    Expired,
}
