namespace LpRepl.Repl.Reconnection;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of
/// min(cap, initial × 2^(n-1)), so clients dropped together by one outage do not return together,
/// yet no wait is ever near zero after a failure.
/// </summary>
public sealed class Backoff(ReconnectPolicy policy, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 is the first).</summary>
    public TimeSpan Delay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(policy.Cap.TotalMilliseconds, policy.Initial.TotalMilliseconds * Math.Pow(2, exponent));
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + (half * Math.Clamp(_random(), 0, 1)));
    }
}
