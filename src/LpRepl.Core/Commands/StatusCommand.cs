using LpRepl.Repl;
using LpRepl.Repl.Reconnection;

namespace LpRepl.Commands;

/// <summary><c>status</c>: the socket, its URL and uptime, frames in and out, requests awaiting a response.</summary>
public sealed class StatusCommand : IReplCommand
{
    public string Name => "status";

    public string Summary => "connection, uptime, frames in/out, requests awaiting a response";

    public string Usage => "status";

    public CommandArity Arity => CommandArity.None;

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var transport = session.Transport;
        var supervisor = session.Supervisor;
        var state = transport.IsOpen && transport.ConnectedAt is { } since
            ? $"connected to {transport.Url?.GetLeftPart(UriPartial.Path)} for {session.Services.Time.GetUtcNow() - since:hh\\:mm\\:ss}"
            : supervisor.State == LinkState.Reconnecting ? $"not connected to {session.Plan?.Request.Url.GetLeftPart(UriPartial.Path)}"
            : session.LastLinkEnd is { } end ? $"not connected ({end.Reason})"
            : "not connected";
        var lines = new List<string> { state, supervisor.Describe() + (supervisor.Reconnects > 0 ? $"; reconnected {supervisor.Reconnects} time(s) this session" : "") };
        if (session.QueuedFrames > 0)
        {
            lines.Add($"queued until the socket is back: {session.QueuedFrames} frame(s)");
        }
        lines.Add($"frames: {session.FramesOut} sent, {session.FramesIn} received");
        var waiting = session.Pending.Waiting;
        lines.Add($"awaiting a response: {waiting.Count}");
        // Oldest first, a few at most: what a stuck script is waiting on.
        lines.AddRange(waiting.Take(10).Select(p => $"  id {p.Id} {p.Type ?? "request"}{(p.Own ? " (sent by the session)" : "")}, {p.Elapsed.TotalSeconds:0.0} s ago"));
        if (waiting.Count > 10)
        {
            lines.Add($"  … and {waiting.Count - 10} more");
        }
        session.Output.Report(string.Join('\n', lines));
        if (session.Services.Agent?.Target is { } target)
        {
            session.Output.Report($"target: {target}");
        }
        if (session.Services.Proxy is Services.Proxy.CurlStyleProxy { IsConfigured: true } proxy && session.Variables["LP_ASYNCMESSAGINGENT"] is { Length: > 0 } host)
        {
            session.Output.Report($"route to {host}: {proxy.Describe(new Uri($"wss://{host}/"))}");
        }
        return Task.FromResult(LineResult.Ok);
    }
}
