namespace LpRepl.Transport;

/// <summary>What the keep-alive sends every interval: a WebSocket ping, or the applicative GetClock request for servers that ignore pings.</summary>
public enum KeepAliveFrame
{
    Ping,
    GetClock,
}
