namespace LpRepl.Repl.Completion;

/// <summary>
/// An argument that names a file, completed from the file system. With <see cref="Preferred"/>
/// (an extension such as <c>.lprepl</c>) Tab offers directories and such files first, and every
/// other file only where none of those match.
/// </summary>
public sealed record PathArgument(string? Preferred = null)
{
    public static readonly PathArgument AnyFile = new();
}
