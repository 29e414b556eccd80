using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>.GetClock</c> (docs) and <c>GetClock</c> (lp-api): the server time, also an applicative keep-alive.</summary>
internal sealed class GetClockHandler : IRequestHandler
{
    private readonly TimeProvider _time;

    public GetClockHandler(TimeProvider time) => _time = time;

    public IReadOnlyList<string> RequestTypes { get; } = [".GetClock", "GetClock"];

    public string ResponseType => ResponseTypes.GetClock;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        context.Ok(new JObject { ["currentTime"] = _time.GetUtcNow().ToUnixTimeMilliseconds() });
        return Task.CompletedTask;
    }
}
