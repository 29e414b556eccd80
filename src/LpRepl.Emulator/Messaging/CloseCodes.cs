using System.Net.WebSockets;

namespace LpRepl.Emulator.Messaging;

/// <summary>The close codes the emulator sends (protocol.md §5), with the reasons it gives.</summary>
internal static class CloseCodes
{
    /// <summary>The token ran out while the socket was open: get a fresh one and reconnect.</summary>
    public const WebSocketCloseStatus TokenExpired = (WebSocketCloseStatus)4401;

    public const string TokenExpiredReason = "Token expired";

    /// <summary>Nothing — no frame, no ping — arrived for IdleTimeout (the code is the emulator's choice).</summary>
    public const WebSocketCloseStatus Idle = WebSocketCloseStatus.EndpointUnavailable;

    public const string IdleReason = "Idle timeout";
}
