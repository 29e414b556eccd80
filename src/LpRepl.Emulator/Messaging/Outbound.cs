using System.Net.WebSockets;

namespace LpRepl.Emulator.Messaging;

/// <summary>One item for a connection's send loop: a frame, or the close frame that ends the sending; <paramref name="Queued"/> is the clock's timestamp when it was queued (for an injected delay).</summary>
internal readonly record struct Outbound(string? Frame, WebSocketCloseStatus? Close = null, string? Reason = null, long Queued = 0);
