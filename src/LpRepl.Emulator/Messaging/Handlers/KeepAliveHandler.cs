namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>KeepAlive</c>: does nothing but keep the connection open.</summary>
internal sealed class KeepAliveHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["KeepAlive"];

    public string ResponseType => ResponseTypes.String;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        context.Ok("OK");
        return Task.CompletedTask;
    }
}
