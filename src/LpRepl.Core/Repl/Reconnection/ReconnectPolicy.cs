namespace LpRepl.Repl.Reconnection;

/// <summary>How a dropped socket is recovered: exponential backoff with jitter, capped, for a bounded time.</summary>
public sealed record ReconnectPolicy
{
    public static ReconnectPolicy Default { get; } = new();

    /// <summary>False with <c>--no-reconnect</c>: a drop is reported and the session stays offline.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The first attempt's delay before jitter; each failed attempt doubles it.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No wait between attempts is longer than this.</summary>
    public TimeSpan Cap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts stop after failing for this long, so an unattended script ends instead of retrying forever.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>With <c>--queue</c>, frames entered while reconnecting are sent in order once the socket is back.</summary>
    public bool QueueWhileDown { get; init; }
}
