using LpRepl.Repl;
using LpRepl.Repl.Completion;

namespace LpRepl.Commands;

/// <summary>A built-in REPL command. Its help text lives beside its code.</summary>
public interface IReplCommand
{
    string Name { get; }

    IReadOnlyList<string> Aliases => [];

    /// <summary>One line, shown by <c>help</c>.</summary>
    string Summary { get; }

    /// <summary>The full usage, shown by <c>help NAME</c>.</summary>
    string Usage { get; }

    /// <summary>How many arguments it takes; checked before <see cref="ExecuteAsync"/> runs.</summary>
    CommandArity Arity { get; }

    /// <summary>Words Tab may offer for the next argument, given the arguments typed before it.</summary>
    IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => [];

    /// <summary>Whether the next argument, given those typed before it, is a file Tab completes from the file system.</summary>
    PathArgument? PathAt(IReadOnlyList<string> before) => null;

    /// <summary>Runs the command; <paramref name="args"/> are already quoted and expanded shell-style.</summary>
    Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct);
}
