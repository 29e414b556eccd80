using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace LpRepl.Transport;

public sealed partial class WebSocketTransport
{
    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        Disconnection? end = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    end = new Disconnection(
                        _closingByUser ? DisconnectReason.ByUser : DisconnectReason.ByServer,
                        (int?)socket.CloseStatus,
                        socket.CloseStatusDescription);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }
                    break;
                }
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxFrameBytes)
                {
                    end = new Disconnection(DisconnectReason.Lost, 1009, $"a frame over {MaxFrameBytes / 1024 / 1024} MiB arrived");
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "frame too big", CancellationToken.None);
                    break;
                }
                if (!result.EndOfMessage)
                {
                    continue;
                }
                // Binary frames are not part of the protocol, but are shown rather than dropped.
                var text = result.MessageType == WebSocketMessageType.Text
                    ? Encoding.UTF8.GetString(buffer.WrittenSpan)
                    : $"(binary frame, {buffer.WrittenCount} bytes)";
                buffer.ResetWrittenCount();
                if (!TakeAuthAnswer(text) && !TakeProbeAnswer(text))
                {
                    Raise(text);
                }
            }
        }
        catch (OperationCanceledException)
        {
            end = new Disconnection(DisconnectReason.ByUser, null, null);
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            end = _closingByUser
                ? new Disconnection(DisconnectReason.ByUser, null, null)
                : new Disconnection(DisconnectReason.Lost, null, e.Message);
        }
        catch (Exception e)
        {
            // Whatever ends the loop (a socket aborted under it throws what it likes), Disconnected is raised once.
            _log.Error(e, "Receive loop failed");
            end = new Disconnection(DisconnectReason.Lost, null, e.Message);
        }
        end ??= new Disconnection(DisconnectReason.ByUser, null, null);
        StopKeepAlive();
        if (_lostBecause is { } why && !_closingByUser)
        {
            end = new Disconnection(DisconnectReason.Lost, null, why);
        }
        _log.Information("Connection ended: {Reason} {Code} {Description}", end.Reason, end.CloseCode, end.Description);
        if (TakeEndBeforeAnswer(end))
        {
            return;
        }
        Disconnected?.Invoke(end);
    }

    private void Raise(string text)
    {
        try
        {
            FrameReceived?.Invoke(text);
        }
        catch (Exception e)
        {
            // A bug in a frame handler must not end the connection; it is logged and the loop goes on.
            _log.Error(e, "Inbound frame handler failed");
        }
    }
}
