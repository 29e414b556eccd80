namespace LpRepl.Terminal.LineEditing;

/// <summary>What a key does to a reverse search.</summary>
public enum SearchStep
{
    /// <summary>Still searching.</summary>
    Continue,

    /// <summary>Keep the match in the line and handle the key as usual.</summary>
    Accept,

    /// <summary>Run the match.</summary>
    Run,

    /// <summary>Give up and restore the line as it was.</summary>
    Cancel,
}
