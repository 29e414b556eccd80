using System.Net.WebSockets;
using LpRepl.Transport.KeepAlive;

namespace LpRepl.Transport;

public sealed partial class WebSocketTransport
{
    private KeepAliveWatch? _watch;
    private string? _lostBecause;

    private void StartKeepAlive(ConnectionRequest request, ClientWebSocket socket, LinkStream? link)
    {
        _lostBecause = null;
        if (request.KeepAlive <= TimeSpan.Zero)
        {
            return;
        }
        // Pings are written into the upgraded connection; were it not found, GetClock still probes the link.
        var kind = link is null ? KeepAliveFrame.GetClock : request.KeepAliveFrame;
        var watch = new KeepAliveWatch(
            request.KeepAlive,
            _time,
            probe => SendProbeAsync(kind, socket, link, probe, request.KeepAlive),
            why => DeclareLost(socket, why),
            RaiseKeepAliveAnswered);
        if (link is not null)
        {
            link.Heard += watch.Heard;
            if (kind == KeepAliveFrame.Ping)
            {
                link.Pong += payload =>
                {
                    if (PingFrame.ProbeOf(payload) is { } probe)
                    {
                        watch.Answered(probe);
                    }
                };
            }
        }
        _watch = watch;
        _log.Information("Keep-alive: {Kind} every {Interval}", kind, request.KeepAlive);
        watch.Start();
    }

    private void StopKeepAlive() => Interlocked.Exchange(ref _watch, null)?.Dispose();

    /// <summary>Hides the answer to the transport's own GetClock probe; true when the frame was one.</summary>
    private bool TakeProbeAnswer(string frame)
    {
        _watch?.Heard();
        if (GetClockProbe.ProbeOf(frame) is not { } probe)
        {
            return false;
        }
        _watch?.Answered(probe);
        return true;
    }

    private async Task SendProbeAsync(KeepAliveFrame kind, ClientWebSocket socket, LinkStream? link, long probe, TimeSpan interval)
    {
        // A probe stuck behind another send gives up waiting at the next tick, when the link is judged;
        // a send once started is never cancelled, as that would abort the socket whatever the verdict.
        using var timeout = new CancellationTokenSource(interval, _time);
        try
        {
            if (kind == KeepAliveFrame.Ping && link is not null)
            {
                await link.SendPingAsync(PingFrame.Build(probe), timeout.Token);
            }
            else
            {
                await SendFrameAsync(socket, GetClockProbe.Request(probe), timeout.Token, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop reports a failed link; a probe that could not leave is judged at the next tick.
            _log.Debug(e, "Keep-alive probe {Probe} not sent", probe);
        }
    }

    private void DeclareLost(ClientWebSocket socket, string why)
    {
        _lostBecause = why;
        _log.Warning("Connection lost: {Why}", why);
        // Handled as a drop: the receive loop ends and raises Disconnected once, with this reason.
        socket.Abort();
    }

    private void RaiseKeepAliveAnswered(TimeSpan roundTrip)
    {
        try
        {
            KeepAliveAnswered?.Invoke(roundTrip);
        }
        catch (Exception e)
        {
            _log.Error(e, "Keep-alive handler failed");
        }
    }
}
