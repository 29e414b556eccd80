namespace LpRepl.Repl;

/// <summary>The three ways an input can end.</summary>
public enum LineOutcome
{
    Ok,
    Failed,
    Exit,
}
