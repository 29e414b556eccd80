namespace LpRepl.Emulator.Hosting;

/// <summary>When bytes last arrived on an upgraded connection — frames, pings and pongs alike.</summary>
internal sealed class ConnectionActivity
{
    private long _last = Environment.TickCount64;

    /// <summary>Milliseconds since anything arrived.</summary>
    public long IdleMilliseconds => Environment.TickCount64 - Interlocked.Read(ref _last);

    public void Touch() => Interlocked.Exchange(ref _last, Environment.TickCount64);
}
