using System.Diagnostics;
using System.Net.WebSockets;
using LpRepl.Transport.KeepAlive;

namespace LpRepl.Transport;

public sealed partial class WebSocketTransport
{
    // The connect waiting for the server to show it took the header's token; null when none waits.
    private TaskCompletionSource<AuthVerdict>? _authWait;

    /// <summary>
    /// A server may take the upgrade and then close with 4401 (the protocol overview's code for a missing
    /// or expired token), so an upgrade is not yet a connection: the transport's own GetClock must be
    /// answered first. A close before the answer, a refusal, or silence up to the connect's bound fails the connect.
    /// </summary>
    private async Task ConfirmAuthenticatedAsync(ConnectionRequest request, ClientWebSocket socket, TaskCompletionSource<AuthVerdict> verdict, CancellationToken bound, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        AuthVerdict answer;
        try
        {
            try
            {
                await SendFrameAsync(socket, GetClockProbe.AuthRequest, bound, bound);
            }
            catch (Exception e) when (e is WebSocketException or IOException or InvalidOperationException)
            {
                // The server closed first: the receive loop hands its close to the verdict.
                _log.Debug(e, "Authentication probe not sent");
            }
            answer = await verdict.Task.WaitAsync(bound);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await AbandonAsync();
            throw new ConnectFailedException(ConnectErrors.ProbeUnanswered(request.Url, ConnectTimeout));
        }
        catch
        {
            await AbandonAsync();
            throw;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (answer.Closed is { } end)
        {
            await AbandonAsync();
            _log.Warning("The server closed the socket before answering the authentication probe: {Code} {Description}", end.CloseCode, end.Description);
            throw new ConnectFailedException(ConnectErrors.ClosedBeforeAnswer(request.Url, end, request.TokenFromHeader)) { CloseCode = end.CloseCode };
        }
        if (answer.Code is >= 400 and var code)
        {
            await AbandonAsync();
            _log.Warning("The server answered the authentication probe with {Code}", code);
            throw new ConnectFailedException(ConnectErrors.ProbeRefused(request.Url, code, answer.Body, request.TokenFromHeader)) { StatusCode = code };
        }
        _log.Information("The server took the token: GetClock answered in {Ms:0.0} ms", elapsed.TotalMilliseconds);
    }

    /// <summary>Hides the answer to the connect's probe and hands it to the waiting connect; true when the frame was it.</summary>
    private bool TakeAuthAnswer(string frame)
    {
        // Only while a connect waits: every later frame goes on unscanned.
        if (Volatile.Read(ref _authWait) is null || GetClockProbe.AuthAnswerOf(frame) is not { } answer)
        {
            return false;
        }
        Interlocked.Exchange(ref _authWait, null)?.TrySetResult(answer);
        return true;
    }

    /// <summary>The end of a socket whose connect still waits: the connect reports it, so it is no drop of the session's. True when taken.</summary>
    private bool TakeEndBeforeAnswer(Disconnection end)
    {
        if (Volatile.Read(ref _authWait) is not { } waiting)
        {
            return false;
        }
        waiting.TrySetResult(AuthVerdict.Close(end));
        return true;
    }

    // The connect failed after the upgrade: the socket goes, with no Disconnected for it (the connect said why).
    private async Task AbandonAsync()
    {
        _closingByUser = true;
        // Whatever ends the receive loop now is this connect's, not a drop to report.
        Volatile.Write(ref _authWait, new TaskCompletionSource<AuthVerdict>(TaskCreationOptions.RunContinuationsAsynchronously));
        var socket = _socket;
        if (socket?.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "not authenticated", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                _log.Debug(e, "Close after a failed authentication did not complete");
            }
        }
        await StopReceivingAsync();
        Volatile.Write(ref _authWait, null);
    }
}
