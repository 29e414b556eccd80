using System.Text;
using LpRepl.Security;

namespace LpRepl.Terminal.LineEditing;

/// <summary>
/// Entered lines, oldest first: capped, consecutive duplicates folded, and persisted to a file
/// one entry per line (newlines and backslashes escaped). A line holding a credential stays in
/// memory for this session but never reaches the file.
/// </summary>
public sealed class History
{
    private readonly List<string> _entries = [];
    private readonly string? _file;
    private readonly int _capacity;
    private int _linesInFile;

    public History(string? file, int capacity = 1000)
    {
        _file = file;
        _capacity = capacity;
        if (file is not null && File.Exists(file))
        {
            try
            {
                var lines = File.ReadAllLines(file);
                _linesInFile = lines.Length;
                _entries.AddRange(lines.Where(l => l.Length > 0).Select(Unescape).TakeLast(capacity));
            }
            catch (IOException)
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
        if (_file is null)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            // Appending keeps several sessions' lines; the file is compacted once it holds twice the cap.
            if (_linesInFile >= 2 * _capacity)
            {
                var keep = File.ReadAllLines(_file).TakeLast(_capacity - 1).Append(Escape(line)).ToArray();
                File.WriteAllLines(_file, keep);
                _linesInFile = keep.Length;
            }
            else
            {
                File.AppendAllText(_file, Escape(line) + "\n");
                _linesInFile++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home loses history, not the session.
        }
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
