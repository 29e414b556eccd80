namespace LpRepl.Repl;

/// <summary>Interactive: errors are reported and the loop goes on. Script: the first error stops the run.</summary>
public enum ReplMode
{
    Interactive,
    Script,
}
