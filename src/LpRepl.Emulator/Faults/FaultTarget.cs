using System.Net.WebSockets;
using LpRepl.Emulator.Messaging;
using Microsoft.AspNetCore.Http.Features;

namespace LpRepl.Emulator.Faults;

/// <summary>
/// One consumer socket as fault injection sees it, from before its 101 response is sent (a client
/// may act the moment its handshake completes) to its end. A close or drop asked for before the
/// connection exists is applied when it is attached.
/// </summary>
// lifetime: the request's lifetime feature, taken at the upgrade (Kestrel's per-connection object),
// so aborting it later never touches an HttpContext that was reset for reuse.
internal sealed class FaultTarget(IHttpRequestLifetimeFeature? lifetime, FreezeGate? gate)
{
    private readonly Lock _lock = new();
    private ConsumerConnection? _connection;
    private (WebSocketCloseStatus Status, string Reason)? _pendingClose;
    private bool _dropped;

    public bool IsFrozen => gate?.IsFrozen ?? false;

    /// <summary>Reads and writes held by the freeze.</summary>
    public int Held => gate?.Held ?? 0;

    /// <summary>Outbound items queued and not yet sent (a delayed one included).</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _connection?.QueuedFrames ?? 0;
            }
        }
    }

    /// <summary>Whether the connection has queued its close frame.</summary>
    public bool IsClosing
    {
        get
        {
            lock (_lock)
            {
                return _connection?.IsClosing ?? false;
            }
        }
    }

    public void Attach(ConsumerConnection connection)
    {
        lock (_lock)
        {
            _connection = connection;
        }

        if (_dropped)
        {
            connection.Abort();
        }
        else if (_pendingClose is { } close)
        {
            connection.RequestClose(close.Status, close.Reason);
        }
    }

    /// <summary>Cuts the TCP connection: no close frame, the peer sees the connection end.</summary>
    public void Drop()
    {
        ConsumerConnection? connection;
        lock (_lock)
        {
            _dropped = true;
            connection = _connection;
        }

        try
        {
            lifetime?.Abort();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The request ended between the snapshot and now: nothing left to cut.
        }

        connection?.Abort();
    }

    public bool Freeze() => gate?.Freeze() ?? false;

    public bool Thaw() => gate?.Thaw() ?? false;

    public bool Close(WebSocketCloseStatus status, string reason)
    {
        ConsumerConnection? connection;
        lock (_lock)
        {
            connection = _connection;
            if (connection is null)
            {
                if (_pendingClose is not null || _dropped)
                {
                    return false;
                }

                _pendingClose = (status, reason);
                return true;
            }
        }

        return connection.RequestClose(status, reason);
    }
}
