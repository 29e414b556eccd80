using System.Globalization;

namespace LpRepl.Commands;

/// <summary>
/// How many arguments a command takes, declared beside it and checked in one place before it runs,
/// so no command silently ignores what was typed (<c>status extra</c>).
/// </summary>
public readonly record struct CommandArity(int Min, int Max)
{
    public static CommandArity None => new(0, 0);

    /// <summary>The command reads its arguments itself (flags, free text).</summary>
    public static CommandArity Any => new(0, int.MaxValue);

    public static CommandArity Exactly(int count) => new(count, count);

    public static CommandArity AtMost(int count) => new(0, count);

    public static CommandArity AtLeast(int count) => new(count, int.MaxValue);

    public static CommandArity Between(int min, int max) => new(min, max);

    /// <summary>Null when <paramref name="args"/> fit; else the error, with the usage.</summary>
    public string? Check(IReplCommand command, IReadOnlyList<string> args)
    {
        if (args.Count >= Min && args.Count <= Max)
        {
            return null;
        }
        var extra = args.Count > Max && Max > 0 ? $" ('{args[Max]}' is one too many)" : "";
        return $"{command.Name} takes {Describe()}{extra}; usage: {command.Usage}";
    }

    private string Describe() => (Min, Max) switch
    {
        (0, 0) => "no arguments",
        var (min, max) when min == max => Count(min),
        (0, var max) => "at most " + Count(max),
        (var min, int.MaxValue) => "at least " + Count(min),
        var (min, max) => $"{min.ToString(CultureInfo.InvariantCulture)} to {Count(max)}",
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " argument" : " arguments");
}
