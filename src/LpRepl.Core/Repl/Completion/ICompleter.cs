namespace LpRepl.Repl.Completion;

/// <summary>Offers completions for the text being edited; the line editor asks it on Tab.</summary>
public interface ICompleter
{
    CompletionResult Complete(string text, int cursor);
}
