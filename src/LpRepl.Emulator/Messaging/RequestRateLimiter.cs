namespace LpRepl.Emulator.Messaging;

/// <summary>
/// A token bucket per connection: <c>burst</c> requests at once, refilled at <c>perSecond</c>. LivePerson
/// documents 429 for "bursty" clients and a retry after at least a second, not its numbers; these are the emulator's.
/// </summary>
// Used only by the connection's receive loop, one request at a time: no lock needed.
internal sealed class RequestRateLimiter
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public RequestRateLimiter(TimeProvider time, double perSecond, int burst)
    {
        _time = time;
        PerSecond = perSecond;
        Burst = burst;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    public double PerSecond { get; }

    public int Burst { get; }

    /// <summary>Takes one request's allowance; false when there is none left (answer 429).</summary>
    public bool TryTake()
    {
        if (PerSecond <= 0)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * PerSecond));
        _last = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
