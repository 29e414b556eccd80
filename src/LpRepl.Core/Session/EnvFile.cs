namespace LpRepl.Session;

/// <summary>
/// The tutorial's <c>lp.env</c>: <c>NAME=value</c> lines, the format <c>docker run --env-file</c>
/// reads (no quoting: the value is the rest of the line). Comments and blank lines are skipped.
/// </summary>
public static class EnvFile
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || !VariableName.IsValid(line[..eq]))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected NAME=value, got '{raw}'");
            }
            var value = line[(eq + 1)..];
            // Quotes a shell would strip are stripped too, so a file written for `source` also loads.
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            pairs.Add(new(line[..eq], value));
        }
        return pairs;
    }

    /// <summary>Writes the pairs; a new file is readable by its owner only, as it holds tokens.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var list = pairs.ToList();
        if (list.FirstOrDefault(p => p.Value.Contains('\n') || p.Value.Contains('\r')) is { Key: not null } multiLine)
        {
            throw new InvalidDataException($"{multiLine.Key} holds a line break, which an env file cannot; unset it or change it first");
        }
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        foreach (var (name, value) in list)
        {
            writer.Write($"{name}={value}\n");
        }
    }
}
