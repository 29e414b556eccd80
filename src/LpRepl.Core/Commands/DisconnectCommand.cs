using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary><c>disconnect</c>: close the socket, keeping the session's variables.</summary>
public sealed class DisconnectCommand : IReplCommand
{
    public string Name => "disconnect";

    public string Summary => "close the WebSocket (variables are kept)";

    public string Usage => "disconnect";

    public CommandArity Arity => CommandArity.None;

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var reconnecting = session.Supervisor.State == Repl.Reconnection.LinkState.Reconnecting;
        if (!session.Transport.IsOpen && !reconnecting)
        {
            return LineResult.Fail("not connected");
        }
        await session.DisconnectAsync(ct);
        session.Output.Info(reconnecting && !session.Transport.IsOpen ? "disconnected (reconnecting stopped)" : "disconnected");
        return LineResult.Ok;
    }
}
