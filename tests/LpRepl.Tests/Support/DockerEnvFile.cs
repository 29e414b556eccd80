using System.Text;

namespace LpRepl.Tests.Support;

/// <summary>
/// An independent reading of an env file as <c>docker run --env-file</c> does it (docker/cli's
/// <c>pkg/kvfile</c>): valid UTF-8, a BOM dropped from the first line, leading whitespace dropped,
/// <c>#</c> lines and blank lines skipped, the value literal after the first <c>=</c>. Newer
/// versions also drop one pair of matching quotes around a value; with <c>trimQuotes</c> it reads that way.
/// </summary>
public static class DockerEnvFile
{
    private const int MaxLineBytes = 64 * 1024;

    public static Dictionary<string, string> Parse(byte[] content, bool trimQuotes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var start = 0;
        for (var lineNumber = 1; start < content.Length; lineNumber++)
        {
            var end = Array.IndexOf(content, (byte)'\n', start);
            var length = (end < 0 ? content.Length : end) - start;
            if (length >= MaxLineBytes)
            {
                throw new InvalidDataException($"line {lineNumber}: token too long");
            }
            var bytes = content.AsSpan(start, length);
            if (bytes.Length > 0 && bytes[^1] == '\r')
            {
                bytes = bytes[..^1];
            }
            start = end < 0 ? content.Length : end + 1;
            var text = strict.GetString(bytes);
            if (lineNumber == 1 && text.StartsWith('\uFEFF'))
            {
                text = text[1..];
            }
            var line = text.TrimStart();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var eq = line.IndexOf('=');
            var key = eq < 0 ? line : line[..eq];
            if (key.Length == 0 || key.Contains(' ') || key.Contains('\t'))
            {
                throw new InvalidDataException($"line {lineNumber}: bad variable '{key}'");
            }
            if (eq < 0)
            {
                continue;
            }
            var value = line[(eq + 1)..];
            if (trimQuotes && value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            result[key] = value;
        }
        return result;
    }
}
