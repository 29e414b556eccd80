using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Messaging;

/// <summary>Closes a server-side WebSocket politely, without letting a silent peer hold the connection.</summary>
internal static class SocketClose
{
    public static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, ILogger logger, string who, CancellationToken ct)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // CloseAsync waits for the peer's close frame (draining any unread data), so the close
        // frame is not lost to a TCP reset; the timeout keeps a silent peer from holding us.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var description = status == WebSocketCloseStatus.MessageTooBig ? "Message too big" : "";
            await socket.CloseAsync(status, description, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("Closing consumer {ConsumerId} connection failed: {Reason}", who, ex.Message);
        }
    }
}
