namespace LpRepl.Terminal;

/// <summary>
/// The terminal modes a run of lprepl may leave switched on, and the one text that switches them
/// all back, written however the run ends (exit, SIGTERM, a crash).
/// </summary>
public static class TerminalModes
{
    /// <summary>Bracketed paste: the line editor's, so a paste arrives as one block.</summary>
    public const string BracketedPasteOn = "\u001b[?2004h";

    public const string BracketedPasteOff = "\u001b[?2004l";

    /// <summary>
    /// Bracketed paste off, normal cursor keys (DECCKM, ESC [ ? 1 l), numeric keypad (DECKPNM, ESC &gt;),
    /// cursor shown. .NET's console switches on application cursor keys and keypad (terminfo's smkx) as
    /// soon as it first touches a terminal, and never switches them off: the user's shell would then get
    /// ESC O A for Up.
    /// </summary>
    public const string Reset = BracketedPasteOff + "\u001b[?1l\u001b>\u001b[?25h";
}
