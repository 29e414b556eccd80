using System.Net.WebSockets;

namespace LpRepl.Emulator.Messaging;

/// <summary>One item for a connection's send loop: a frame, or the close frame that ends the sending.</summary>
internal readonly record struct Outbound(string? Frame, WebSocketCloseStatus? Close = null, string? Reason = null);
