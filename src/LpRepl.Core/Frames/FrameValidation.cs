using Newtonsoft.Json.Linq;

namespace LpRepl.Frames;

/// <summary>The outcome of <see cref="JsonFrameValidator.Validate"/>: the parsed object, or where it went wrong.</summary>
public sealed record FrameValidation(JObject? Frame, string? Error, int Line, int Column)
{
    public bool IsValid => Error is null;

    /// <summary>Valid; <paramref name="frame"/> is null when only validity was checked, not the object built.</summary>
    public static FrameValidation Ok(JObject? frame) => new(frame, null, 0, 0);

    public static FrameValidation Fail(string error, int line, int column) => new(null, error, line, column);

    /// <summary>The offending line with a caret under the column, for error messages.</summary>
    public string Pointer(string text)
    {
        var lines = text.Split('\n');
        if (Line < 1 || Line > lines.Length)
        {
            return "";
        }
        var source = lines[Line - 1].TrimEnd('\r');
        // Long frames are shown around the error, not in full.
        var from = Math.Max(0, Column - 60);
        var shown = source.Length - from > 100 ? source.Substring(from, 100) : source[from..];
        var prefix = from > 0 ? "…" : "";
        return $"  {prefix}{shown}\n  {new string(' ', prefix.Length + Math.Max(0, Column - 1 - from))}^";
    }
}
