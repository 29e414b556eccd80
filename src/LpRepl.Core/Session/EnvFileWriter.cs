using System.Text;

namespace LpRepl.Session;

/// <summary>
/// Writes lp.env so that every reader of it agrees: <c>docker run --env-file</c> (the value is the
/// rest of the line, literally), <c>set -a; . ./lp.env</c> in a POSIX shell (quotes, <c>$</c>,
/// spaces and the like are syntax there) and LpRepl's own <c>load</c>. Only values of characters
/// all three read literally are written; the others are left out and reported. The file has no
/// byte order mark (sh would take it as part of the first name) and is private (0600), also when it existed.
/// </summary>
public static class EnvFileWriter
{
    // docker reads a line with bufio.Scanner, whose token cap is 64 KiB, newline included.
    private const int MaxDockerLineBytes = (64 * 1024) - 1;
    private const string SafePunctuation = "_./:@%+,=-";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<(string Name, string Reason)> Write(string path, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var leftOut = new List<(string Name, string Reason)>();
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (Problem(name, value) is { } reason)
            {
                leftOut.Add((name, reason));
                continue;
            }
            text.Append(name).Append('=').Append(value).Append('\n');
        }
        WritePrivate(path, Utf8.GetBytes(text.ToString()));
        return leftOut;
    }

    /// <summary>Why a value cannot be written so that docker, sh and <c>load</c> read it the same; null when it can.</summary>
    public static string? Problem(string name, string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r')
            {
                return "its value holds a line break, which an env file line cannot";
            }
            if (!IsLiteral(rune))
            {
                return $"its value holds {Describe(rune)}, which docker --env-file reads literally and sh does not";
            }
        }
        if (Utf8.GetByteCount(name) + 1 + Utf8.GetByteCount(value) > MaxDockerLineBytes)
        {
            return "its line is longer than the 64 KiB docker --env-file reads";
        }
        return null;
    }

    // Letters, digits and the punctuation no shell treats specially inside an assignment
    // (no quotes, $, `, \, ~, spaces, globs, operators): a shell word that is its own value.
    private static bool IsLiteral(Rune rune) =>
        rune.IsAscii ? char.IsAsciiLetterOrDigit((char)rune.Value) || SafePunctuation.Contains((char)rune.Value) : Rune.IsLetterOrDigit(rune);

    private static string Describe(Rune rune) => rune.Value switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        _ when Rune.IsControl(rune) || rune.Utf16SequenceLength > 1 || Rune.IsWhiteSpace(rune) => $"U+{rune.Value:X4}",
        _ => $"'{rune}'",
    };

    private static void WritePrivate(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // A file that existed keeps its mode when opened: it is made private before a token goes in.
            File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        file.SetLength(0);
        file.Write(content);
    }
}
