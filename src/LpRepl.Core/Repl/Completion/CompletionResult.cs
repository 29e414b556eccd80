namespace LpRepl.Repl.Completion;

/// <summary>
/// Candidates that replace <c>text[Start..Start+Length]</c> (the word being completed). A unique
/// candidate is followed by <see cref="Suffix"/> (a space after a command, a quote after a type).
/// </summary>
public sealed record CompletionResult(int Start, int Length, IReadOnlyList<string> Candidates, string Suffix = "")
{
    public static readonly CompletionResult None = new(0, 0, []);
}
