using System.Globalization;
using LpRepl.Transport;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    private bool? _showKeepAlive;
    private long _lastRoundTripTicks = -1;

    /// <summary>Whether each answered keep-alive prints its round trip (<c>--show-pings</c>, <c>keepalive show</c>).</summary>
    public bool ShowKeepAlive
    {
        get => _showKeepAlive ?? Services.ShowKeepAlive;
        set => _showKeepAlive = value;
    }

    /// <summary>The round trip of the last answered keep-alive, if one was answered.</summary>
    public TimeSpan? LastKeepAliveRoundTrip => Interlocked.Read(ref _lastRoundTripTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>What <c>keepalive</c> says: interval, kind and the last round trip.</summary>
    public string DescribeKeepAlive()
    {
        var interval = Services.KeepAlive;
        if (interval <= TimeSpan.Zero)
        {
            return "keep-alive: off (--keepalive 0): a frozen link is not detected";
        }
        var kind = Services.KeepAliveFrame == KeepAliveFrame.Ping ? "a WebSocket ping" : "a GetClock request";
        var last = LastKeepAliveRoundTrip is { } rtt ? $"last answered in {FormatRoundTrip(rtt)}" : "not answered yet";
        return $"keep-alive: {kind} every {interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, lost after 2 × that without an answer; {last}; round trips {(ShowKeepAlive ? "shown" : "hidden")}";
    }

    private void OnKeepAliveAnswered(TimeSpan roundTrip)
    {
        Interlocked.Exchange(ref _lastRoundTripTicks, roundTrip.Ticks);
        if (ShowKeepAlive)
        {
            Output.Info($"keep-alive answered in {FormatRoundTrip(roundTrip)}");
        }
    }

    private static string FormatRoundTrip(TimeSpan roundTrip) =>
        roundTrip.TotalMilliseconds.ToString(roundTrip.TotalMilliseconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " ms";
}
