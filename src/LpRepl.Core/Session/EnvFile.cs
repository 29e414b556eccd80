using LpRepl.IO;

namespace LpRepl.Session;

/// <summary>
/// The tutorial's <c>lp.env</c>: <c>NAME=value</c> lines, the format <c>docker run --env-file</c>
/// reads (the value is the rest of the line, literally). Comments and blank lines are skipped.
/// Read streaming and capped (<see cref="InputLimits.EnvLineBytes"/> a line,
/// <see cref="InputLimits.EnvFileBytes"/> a file), written by <see cref="EnvFileWriter"/>.
/// </summary>
public static class EnvFile
{
    private const string LineHint = " (an lp.env line holds one NAME=value)";

    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path) =>
        ReadAsync(path, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The pairs of the file, all or none: a bad line or a cap passed is an error naming the file and line.</summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadAsync(string path, CancellationToken ct)
    {
        // One entry per name, the last value winning as it would when set in order: a file of millions of
        // repeated lines costs one variable, and distinct names are capped.
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new BoundedLineReader(await InputFile.OpenReadAsync(path, ct), path, InputLimits.EnvLineBytes, LineHint);
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            if (reader.BytesRead > InputLimits.EnvFileBytes)
            {
                throw new InputTooLargeException($"{path}: larger than {InputLimits.Describe(InputLimits.EnvFileBytes)}; an lp.env holds NAME=value lines");
            }
            if (Parse(raw, path, reader.LineNumber) is { } pair)
            {
                pairs[pair.Key] = pair.Value;
                if (pairs.Count > InputLimits.EnvVariables)
                {
                    throw new InputTooLargeException($"{path}:{reader.LineNumber}: more than {InputLimits.EnvVariables.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} variables; an lp.env holds a session's few NAME=value lines");
                }
            }
        }
        return [.. pairs];
    }

    /// <summary>Writes the pairs lp.env can hold; returns those left out, and why.</summary>
    public static IReadOnlyList<(string Name, string Reason)> Write(string path, IEnumerable<KeyValuePair<string, string>> pairs) =>
        EnvFileWriter.Write(path, pairs);

    private static KeyValuePair<string, string>? Parse(string raw, string path, int lineNumber)
    {
        var line = raw.Trim();
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return null;
        }
        if (line.StartsWith("export ", StringComparison.Ordinal))
        {
            line = line["export ".Length..].TrimStart();
        }
        var eq = line.IndexOf('=');
        if (eq <= 0 || !VariableName.IsValid(line[..eq]))
        {
            var shown = raw.Length <= 80 ? raw : raw[..80] + "…";
            throw new InvalidDataException($"{path}:{lineNumber}: expected NAME=value, got '{shown}'");
        }
        var value = line[(eq + 1)..];
        // Quotes a shell would strip are stripped too, so a file written for `source` also loads.
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }
        return new(line[..eq], value);
    }
}
