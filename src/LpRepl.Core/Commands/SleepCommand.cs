using System.Globalization;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>sleep SECONDS</c>: pause a script (prefer <c>wait</c>, which does not guess).</summary>
public sealed class SleepCommand : IReplCommand
{
    public string Name => "sleep";

    public string Summary => "pause for SECONDS (a last resort: 'wait' is exact)";

    public string Usage => "sleep SECONDS";

    public CommandArity Arity => CommandArity.Exactly(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1 || !double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 3600)
        {
            return LineResult.Fail($"usage: {Usage} (0 to 3600)");
        }
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        return LineResult.Ok;
    }
}
