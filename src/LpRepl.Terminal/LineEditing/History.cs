using System.Text;
using LpRepl.Security;

namespace LpRepl.Terminal.LineEditing;

/// <summary>
/// Entered lines, oldest first: capped, consecutive duplicates folded, and persisted to a file
/// one entry per line (newlines and backslashes escaped). A line holding a credential, or longer
/// than <see cref="MaxEntryBytes"/>, stays in memory for this session but never reaches the file,
/// which is private to its owner (0600) and kept under <see cref="MaxFileBytes"/>.
/// </summary>
public sealed class History
{
    /// <summary>The longest entry written to the file (escaped, in UTF-8): a big paste is recalled in this session only.</summary>
    public const int MaxEntryBytes = 64 * 1024;

    /// <summary>The file never grows past this; when an append would pass it, only the newest lines are kept.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private readonly List<string> _entries = [];
    private readonly string? _file;
    private readonly int _capacity;
    private int _linesInFile;
    private long _bytesInFile;

    public History(string? file, int capacity = 1000)
    {
        _file = file;
        _capacity = capacity;
        if (file is not null && File.Exists(file))
        {
            try
            {
                var lines = ReadTail(file, out _bytesInFile);
                _linesInFile = lines.Count;
                _entries.AddRange(lines.Where(l => l.Length > 0 && Encoding.UTF8.GetByteCount(l) <= MaxEntryBytes).Select(Unescape).TakeLast(capacity));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable history is not worth refusing to start over.
            }
        }
    }

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }
        _entries.Add(line);
        if (_entries.Count > _capacity)
        {
            _entries.RemoveAt(0);
        }
        if (!SecretLines.HoldsSecret(line))
        {
            Persist(line);
        }
    }

    private void Persist(string line)
    {
        var entry = Escape(line) + "\n";
        var bytes = Encoding.UTF8.GetByteCount(entry);
        if (_file is null || bytes > MaxEntryBytes)
        {
            return;
        }
        try
        {
            PrivateFile.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            // Appending keeps several sessions' lines; the file is compacted once it holds twice the cap or nears its size limit.
            if (_linesInFile >= 2 * _capacity || _bytesInFile + bytes > MaxFileBytes)
            {
                var keep = Newest(ReadTail(_file, out _).Where(l => l.Length > 0), _capacity - 1, (MaxFileBytes / 2) - bytes);
                var text = string.Concat(keep.Select(l => l + "\n")) + entry;
                using (var stream = PrivateFile.Open(_file, FileMode.Create))
                {
                    stream.Write(Encoding.UTF8.GetBytes(text));
                }
                _linesInFile = keep.Count + 1;
                _bytesInFile = Encoding.UTF8.GetByteCount(text);
            }
            else
            {
                using (var stream = PrivateFile.Open(_file, FileMode.Append))
                {
                    stream.Write(Encoding.UTF8.GetBytes(entry));
                }
                _linesInFile++;
                _bytesInFile += bytes;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home loses history, not the session.
        }
    }

    // The newest lines that fit both the count and the byte budget, oldest first.
    private static List<string> Newest(IEnumerable<string> lines, int count, long budget)
    {
        var kept = new List<string>();
        foreach (var line in lines.Reverse())
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (kept.Count >= count || size > budget)
            {
                break;
            }
            kept.Add(line);
            budget -= size;
        }
        kept.Reverse();
        return kept;
    }

    // At most the last MaxFileBytes of the file (a file grown by an older version is not read whole), first partial line dropped.
    private static List<string> ReadTail(string file, out long length)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        length = stream.Length;
        var start = Math.Max(0, length - MaxFileBytes);
        stream.Seek(start, SeekOrigin.Begin);
        var text = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var lines = text.Split('\n').ToList();
        if (start > 0)
        {
            lines.RemoveAt(0);
        }
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    internal static string Escape(string line) => line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string Unescape(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                sb.Append(line[i + 1] == 'n' ? '\n' : line[i + 1]);
                i++;
            }
            else
            {
                sb.Append(line[i]);
            }
        }
        return sb.ToString();
    }
}
