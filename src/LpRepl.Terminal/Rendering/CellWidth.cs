using System.Globalization;
using System.Text;

namespace LpRepl.Terminal.Rendering;

/// <summary>
/// How many terminal cells text occupies, the way xterm-like terminals draw it: combining marks
/// and joiners take none, East Asian wide characters and emoji take two, the rest one. The line
/// editor and the tests' virtual screen both use this, so they agree on where text lands.
/// </summary>
public static class CellWidth
{
    // Inclusive ranges drawn two cells wide, sorted by start for the binary search.
    private static readonly (int First, int Last)[] Wide =
    [
        (0x1100, 0x115F),
        // Symbols with emoji presentation (East Asian Width W): ⌚ ⏩ ☔ ♈ ⚡ ✅ ❌ ⭐ and their kin.
        (0x231A, 0x231B),
        (0x2329, 0x232A),
        (0x23E9, 0x23EC),
        (0x23F0, 0x23F0),
        (0x23F3, 0x23F3),
        (0x25FD, 0x25FE),
        (0x2614, 0x2615),
        (0x2648, 0x2653),
        (0x267F, 0x267F),
        (0x2693, 0x2693),
        (0x26A1, 0x26A1),
        (0x26AA, 0x26AB),
        (0x26BD, 0x26BE),
        (0x26C4, 0x26C5),
        (0x26CE, 0x26CE),
        (0x26D4, 0x26D4),
        (0x26EA, 0x26EA),
        (0x26F2, 0x26F3),
        (0x26F5, 0x26F5),
        (0x26FA, 0x26FA),
        (0x26FD, 0x26FD),
        (0x2705, 0x2705),
        (0x270A, 0x270B),
        (0x2728, 0x2728),
        (0x274C, 0x274C),
        (0x274E, 0x274E),
        (0x2753, 0x2755),
        (0x2757, 0x2757),
        (0x2795, 0x2797),
        (0x27B0, 0x27B0),
        (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C),
        (0x2B50, 0x2B50),
        (0x2B55, 0x2B55),
        (0x2E80, 0x303E),
        (0x3040, 0xA4CF),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F),
        (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6),
        (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A),
        (0x1F200, 0x1F202),
        (0x1F210, 0x1F23B),
        (0x1F240, 0x1F248),
        (0x1F250, 0x1F251),
        (0x1F260, 0x1F265),
        (0x1F300, 0x1F64F),
        // Transport and map symbols (🚀) and the newer pictographs are drawn wide by current terminals too.
        (0x1F680, 0x1F6FF),
        (0x1F7E0, 0x1F7EB),
        (0x1F900, 0x1F9FF),
        (0x1FA70, 0x1FAFF),
        (0x20000, 0x3FFFD),
    ];

    /// <summary>The cells one code point occupies: 0, 1 or 2.</summary>
    public static int Of(int codePoint)
    {
        if (IsZeroWidth(codePoint))
        {
            return 0;
        }
        return IsWide(codePoint) ? 2 : 1;
    }

    /// <summary>
    /// The cells a string occupies: the sum over its code points, so a grapheme such as "e"
    /// plus a combining accent is 1. A lone surrogate counts as one cell.
    /// </summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                total += Of(rune.Value);
                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                total += 1;
            }
        }
        return total;
    }

    private static bool IsZeroWidth(int codePoint)
    {
        // Zero-width space/non-joiner/joiner, and the variation selectors that pick emoji or text style.
        if (codePoint is >= 0x200B and <= 0x200D or >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF)
        {
            return true;
        }
        if (codePoint is < 0 or > 0x10FFFF or >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsWide(int codePoint)
    {
        var low = 0;
        var high = Wide.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (codePoint < Wide[mid].First)
            {
                high = mid - 1;
            }
            else if (codePoint > Wide[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }
}
