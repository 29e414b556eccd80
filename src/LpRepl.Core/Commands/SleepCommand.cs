using System.Globalization;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>sleep SECONDS</c>: pause a script (prefer <c>wait</c>, which does not guess).</summary>
public sealed class SleepCommand : IReplCommand
{
    /// <summary>An hour: a longer pause in a script is a typo.</summary>
    public const int MaxSeconds = 3600;

    public string Name => "sleep";

    public string Summary => "pause for SECONDS (a last resort: 'wait' is exact)";

    public string Usage => "sleep SECONDS";

    public CommandArity Arity => CommandArity.Exactly(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            return LineResult.Fail($"usage: {Usage} (0 to {MaxSeconds})");
        }
        if (!double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            return LineResult.Fail($"sleep needs a number of seconds from 0 to {MaxSeconds}, not '{args[0]}'");
        }
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        return LineResult.Ok;
    }
}
