using System.Net.WebSockets;
using LpRepl.Emulator.Messaging;
using Microsoft.AspNetCore.Http;

namespace LpRepl.Emulator.Faults;

/// <summary>One open consumer socket as fault injection sees it.</summary>
internal sealed class FaultTarget(HttpContext http, ConsumerConnection connection, FreezeGate? gate)
{
    public bool IsFrozen => gate?.IsFrozen ?? false;

    /// <summary>Reads and writes held by the freeze.</summary>
    public int Held => gate?.Held ?? 0;

    /// <summary>Cuts the TCP connection: no close frame, the peer sees the connection end.</summary>
    public void Drop()
    {
        http.Abort();
        connection.Abort();
    }

    public bool Freeze() => gate?.Freeze() ?? false;

    public bool Thaw() => gate?.Thaw() ?? false;

    public bool Close(WebSocketCloseStatus status, string reason) => connection.RequestClose(status, reason);
}
