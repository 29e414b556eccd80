using System.IO.Enumeration;
using System.Security;
using System.Text;

namespace LpRepl.Repl.Completion;

/// <summary>
/// File names for an argument that is a path, as bash completes them: relative, absolute or
/// under <c>~/</c>; a directory ends in <c>/</c> and takes no space, a file takes one; dot files
/// only when the name typed starts with <c>.</c>. What is inserted is quoted as the word was
/// begun (in <c>"…"</c>, in <c>'…'</c>, or with backslashes) so the command reads it back whole.
/// </summary>
public static class PathCompleter
{
    /// <summary>
    /// A directory with more entries than this is not completed at all: Tab never waits on a huge
    /// directory, and never completes a name as the only match when others were not read.
    /// </summary>
    public const int MaxEntries = 1_000;

    public static CompletionResult Complete(ShellWordAtCursor word, int cursor, PathRoots roots, PathArgument argument)
    {
        if (!word.Plain)
        {
            return CompletionResult.None;
        }
        var length = cursor - word.Start;
        if (word.Tilde && word.Value.Length == 0)
        {
            return new CompletionResult(word.Start, length, ["~/"]);
        }
        var slash = word.Value.LastIndexOf('/');
        var typedDirectory = word.Value[..(slash + 1)];
        var prefix = word.Value[(slash + 1)..];
        var directory = word.Tilde ? roots.Home + typedDirectory
            : typedDirectory.Length == 0 ? roots.WorkingDirectory
            : Path.Combine(roots.WorkingDirectory, typedDirectory);
        var matches = (Entries(directory, withDots: prefix.StartsWith('.')) ?? [])
            .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal) && (prefix.StartsWith('.') || !e.Name.StartsWith('.')))
            .Where(e => !e.Name.Any(char.IsControl))
            .ToList();
        if (argument.Preferred is { } preferred && matches.Where(e => e.IsDirectory || e.Name.EndsWith(preferred, StringComparison.Ordinal)).ToList() is { Count: > 0 } first)
        {
            matches = first;
        }
        matches.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var unique = matches.Count == 1;
        var shown = matches.Select(e => e.IsDirectory ? e.Name + "/" : e.Name).ToList();
        var candidates = shown.Select(name => Quote(word, typedDirectory + name, close: unique && !name.EndsWith('/'))).ToList();
        return new CompletionResult(word.Start, length, candidates, unique && !matches[0].IsDirectory ? " " : "", shown);
    }

    // The directory's entries, or null when it holds more than MaxEntries; none when it cannot be read.
    private static List<(string Name, bool IsDirectory)>? Entries(string directory, bool withDots)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, ReturnSpecialDirectories = withDots };
        var entries = new List<(string Name, bool IsDirectory)>();
        try
        {
            if (!Directory.Exists(directory))
            {
                return entries;
            }
            // IsDirectory follows a symbolic link, so a link to a directory completes as one.
            var enumerable = new FileSystemEnumerable<(string, bool)>(directory, (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory), options);
            foreach (var entry in enumerable)
            {
                if (entries.Count == MaxEntries)
                {
                    return null;
                }
                entries.Add(entry);
            }
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [];
        }
    }

    // Written the way the word was begun, so the command's shell-style split reads the path back;
    // a ~/ stays outside the quotes, where it is read as home.
    private static string Quote(ShellWordAtCursor word, string path, bool close)
    {
        var (lead, rest) = word.Tilde ? ("~/", path[1..]) : ("", path);
        var style = word.OpenQuote != '\0' ? word.OpenQuote : word.FirstQuote;
        return lead + style switch
        {
            '"' => "\"" + Escaped(rest, inDoubleQuotes: true) + (close ? "\"" : ""),
            '\'' => "'" + rest.Replace("'", "'\\''", StringComparison.Ordinal) + (close ? "'" : ""),
            // A name's own leading ~ would be read as home.
            _ => (lead.Length == 0 && rest.StartsWith('~') ? "\\" : "") + Escaped(rest, inDoubleQuotes: false),
        };
    }

    private static string Escaped(string text, bool inDoubleQuotes)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '$' or '`' || (!inDoubleQuotes && (c == '\'' || char.IsWhiteSpace(c))))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
