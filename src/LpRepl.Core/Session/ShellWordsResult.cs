namespace LpRepl.Session;

/// <summary>The words of a split line, or why it could not be split.</summary>
public sealed record ShellWordsResult(IReadOnlyList<string> Words, string? Error)
{
    public bool Success => Error is null;

    public static ShellWordsResult Ok(IReadOnlyList<string> words) => new(words, null);

    public static ShellWordsResult Fail(string error) => new([], error);
}
