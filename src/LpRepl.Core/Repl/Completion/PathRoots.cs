namespace LpRepl.Repl.Completion;

/// <summary>Where a relative path and <c>~/</c> start, for file-name completion.</summary>
public sealed record PathRoots(string WorkingDirectory, string Home)
{
    /// <summary>The process's current directory and the user's home, read at each Tab.</summary>
    public static PathRoots Current() => new(Directory.GetCurrentDirectory(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
