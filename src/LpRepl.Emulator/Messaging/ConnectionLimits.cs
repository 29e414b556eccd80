using System.Net.WebSockets;
using LpRepl.Emulator.Hosting;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// The limits every consumer connection lives under: its token's expiry (close 4401), the idle
/// timeout (nothing received, not even a ping), its request rate (429) and the bound of its outbound
/// queue (close 1008). One timer per connection checks expiry and idleness each second.
/// </summary>
internal sealed class ConnectionLimits(TimeProvider time, TimeSpan idleTimeout)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    // A peer that never answers our close frame is cut off after this.
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public TimeProvider Time => time;

    /// <summary>The per-connection request rate (0: no limit) and burst: past them a request is answered 429.</summary>
    public double RequestsPerSecond { get; init; }

    public int RequestBurst { get; init; } = 1;

    /// <summary>The bound of a connection's outbound queue, in frames and in characters of frame text.</summary>
    public int MaxQueuedFrames { get; init; } = int.MaxValue;

    public long MaxQueuedCharacters { get; init; } = long.MaxValue;

    /// <summary>A fresh allowance of requests for one new connection.</summary>
    public RequestRateLimiter NewRateLimiter() => new(time, RequestsPerSecond, RequestBurst);

    // Returns when the close began (0: not closing), so a peer that ignores our close frame is cut off.
    private long Check(ConsumerConnection connection, ConnectionActivity? activity, long closingSince)
    {
        if (connection.IsClosing)
        {
            closingSince = closingSince == 0 ? Environment.TickCount64 : closingSince;
            if (Environment.TickCount64 - closingSince > CloseGrace.TotalMilliseconds)
            {
                connection.Abort();
            }

            return closingSince;
        }

        if (!connection.CheckExpiry() && activity is not null && idleTimeout != Timeout.InfiniteTimeSpan && activity.IdleMilliseconds >= idleTimeout.TotalMilliseconds)
        {
            connection.RequestClose(CloseCodes.Idle, CloseCodes.IdleReason);
        }

        return 0;
    }

    /// <summary>Starts watching; dispose to stop (when the connection ends).</summary>
    public IDisposable Watch(ConsumerConnection connection, ConnectionActivity? activity)
    {
        var check = idleTimeout == Timeout.InfiniteTimeSpan ? Period : TimeSpan.FromTicks(Math.Min(Period.Ticks, Math.Max(idleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50)));
        long closingSince = 0;
        // The real clock drives the timer: TimeProvider.System even when a test moves the token clock.
        return TimeProvider.System.CreateTimer(
            _ =>
            {
                // An exception escaping a timer callback would end the whole process.
                try
                {
                    closingSince = Check(connection, activity, closingSince);
                }
                catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
                {
                    // The connection is already gone: nothing left to watch.
                }
            },
            null,
            check,
            check);
    }
}
