using LpRepl.Repl;

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
        var state = transport.IsOpen && transport.ConnectedAt is { } since
            ? $"connected to {transport.Url?.GetLeftPart(UriPartial.Path)} for {DateTimeOffset.UtcNow - since:hh\\:mm\\:ss}"
            : "not connected";
        session.Output.Data($"{state}\nframes: {session.FramesOut} sent, {session.FramesIn} received\nawaiting a response: {session.Pending.Count}");
        if (session.Services.Agent is { } agent)
        {
            session.Output.Data($"target: the embedded emulator, agent mode {agent.Mode}");
        }
        if (session.Services.Proxy is Services.Proxy.CurlStyleProxy { IsConfigured: true } proxy && session.Variables["LP_ASYNCMESSAGINGENT"] is { Length: > 0 } host)
        {
            session.Output.Data($"route to {host}: {proxy.Describe(new Uri($"wss://{host}/"))}");
        }
        return Task.FromResult(LineResult.Ok);
    }
}
