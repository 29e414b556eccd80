namespace LpRepl.Terminal.Input;

/// <summary>Where <see cref="KeyDecoder"/> is within a multi-character sequence.</summary>
internal enum KeyDecoderState
{
    Ground,
    Escape,
    Csi,
    Ss3,
    PasteEnd,
    HighSurrogate,
}
