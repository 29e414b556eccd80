namespace LpRepl.Repl.Completion;

/// <summary>
/// Candidates that replace <c>text[Start..Start+Length]</c> (the word being completed). A unique
/// candidate is followed by <see cref="Suffix"/> (a space after a command, a quote after a type).
/// <see cref="Shown"/>, when given, is what the list of several candidates shows for each, in
/// the same order (a file's name where the candidate is its whole path, as bash lists them).
/// </summary>
public sealed record CompletionResult(int Start, int Length, IReadOnlyList<string> Candidates, string Suffix = "", IReadOnlyList<string>? Shown = null)
{
    public static readonly CompletionResult None = new(0, 0, []);
}
