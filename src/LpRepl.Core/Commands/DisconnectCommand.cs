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
        if (!session.Transport.IsOpen)
        {
            return LineResult.Fail("not connected");
        }
        await session.Transport.CloseAsync(ct);
        session.Output.Info("disconnected");
        return LineResult.Ok;
    }
}
