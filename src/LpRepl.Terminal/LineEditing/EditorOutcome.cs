namespace LpRepl.Terminal.LineEditing;

/// <summary>What a command asks the editor to do once it has run.</summary>
public enum EditorOutcome
{
    Continue,
    Submit,
    EndOfInput,
    Cancel,
    StartSearch,
}
