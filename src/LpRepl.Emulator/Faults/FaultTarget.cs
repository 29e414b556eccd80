using System.Net.WebSockets;
using LpRepl.Emulator.Messaging;
using Microsoft.AspNetCore.Http.Features;

namespace LpRepl.Emulator.Faults;

/// <summary>One open consumer socket as fault injection sees it.</summary>
// lifetime: the request's lifetime feature, taken at the upgrade (Kestrel's per-connection object),
// so aborting it later never touches an HttpContext that was reset for reuse.
internal sealed class FaultTarget(IHttpRequestLifetimeFeature? lifetime, ConsumerConnection connection, FreezeGate? gate)
{
    public bool IsFrozen => gate?.IsFrozen ?? false;

    /// <summary>Reads and writes held by the freeze.</summary>
    public int Held => gate?.Held ?? 0;

    /// <summary>Cuts the TCP connection: no close frame, the peer sees the connection end.</summary>
    public void Drop()
    {
        try
        {
            lifetime?.Abort();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The request ended between the snapshot and now: nothing left to cut.
        }

        connection.Abort();
    }

    public bool Freeze() => gate?.Freeze() ?? false;

    public bool Thaw() => gate?.Thaw() ?? false;

    public bool Close(WebSocketCloseStatus status, string reason) => connection.RequestClose(status, reason);
}
