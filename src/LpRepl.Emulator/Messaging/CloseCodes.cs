using System.Net.WebSockets;

namespace LpRepl.Emulator.Messaging;

/// <summary>The close codes the emulator sends (protocol.md §5), with the reasons it gives.</summary>
internal static class CloseCodes
{
    /// <summary>A fresh token is required: the token ran out, or the upgrade carried none that is valid.</summary>
    public const WebSocketCloseStatus TokenExpired = (WebSocketCloseStatus)4401;

    public const string TokenExpiredReason = "Token expired";

    /// <summary>An unauthenticated identity's token ran out: ask the IDP to extend the identity (refresh), then reconnect.</summary>
    public const WebSocketCloseStatus IdentityExpired = (WebSocketCloseStatus)4407;

    public const string IdentityExpiredReason = "Identity expired";

    /// <summary>Nothing — no frame, no ping — arrived for IdleTimeout (the code is the emulator's choice).</summary>
    public const WebSocketCloseStatus Idle = WebSocketCloseStatus.EndpointUnavailable;

    public const string IdleReason = "Idle timeout";

    /// <summary>The close for an Authorization header without a valid token (4401, as the protocol overview documents); the reason says why.</summary>
    public static (WebSocketCloseStatus Status, string Reason) ForRefusedToken(string why) => (TokenExpired, "Unauthorized: " + why);

    /// <summary>The client stopped reading and the connection's outbound queue reached its bound (an RFC 6455 code, as the protocol overview asks; the choice is the emulator's).</summary>
    public const WebSocketCloseStatus QueueFull = WebSocketCloseStatus.PolicyViolation;

    public const string QueueFullReason = "Outbound queue full: the client is not reading";

    /// <summary>The close for a token that ran out: 4407 for an unauthenticated identity, else 4401.</summary>
    public static (WebSocketCloseStatus Status, string Reason) ForExpiry(bool unauthenticated) =>
        unauthenticated ? (IdentityExpired, IdentityExpiredReason) : (TokenExpired, TokenExpiredReason);
}
