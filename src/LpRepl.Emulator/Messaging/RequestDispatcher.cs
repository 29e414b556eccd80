using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// Validates the request envelope, then the request against the protocol model, and routes each
/// request to the handler registered for its type.
/// </summary>
internal sealed class RequestDispatcher
{
    private readonly Dictionary<string, IRequestHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public RequestDispatcher(IEnumerable<IRequestHandler> handlers, ILogger<RequestDispatcher> logger)
    {
        foreach (var handler in handlers)
        {
            foreach (var type in handler.RequestTypes)
            {
                _handlers.Add(type, handler);
            }
        }

        _logger = logger;
    }

    public async Task DispatchAsync(string text, ConsumerConnection connection, CancellationToken ct)
    {
        if (!FrameParser.TryParse(text, out var request, out var error))
        {
            // An error carries the request's id whenever one can be read, even from a frame that is not JSON.
            connection.Send(Frames.Response(FrameParser.PeekId(text), 400, "Malformed JSON: " + error, ResponseTypes.String));
            return;
        }

        var reqId = ReadId(request["id"]);
        if (reqId is null)
        {
            connection.Send(Frames.Response(null, 400, "Missing or invalid request id", ResponseTypes.String));
            return;
        }

        if (request["type"] is not JValue { Type: JTokenType.String } typeToken || (string?)typeToken is not { Length: > 0 } type)
        {
            connection.Send(Frames.Response(reqId, 400, "Missing request type", ResponseTypes.String));
            return;
        }

        _handlers.TryGetValue(type, out var handler);
        if (!connection.RateLimiter.TryTake())
        {
            var limiter = connection.RateLimiter;
            connection.Send(Frames.Response(reqId, 429, TooManyRequests(limiter.PerSecond, limiter.Burst), handler?.ResponseType ?? ResponseTypes.String));
            return;
        }

        if (!connection.IsAuthenticated && handler?.RequiresAuthentication != false)
        {
            // A no-header upgrade: nothing but InitConnection until it has authenticated the socket.
            connection.Send(Frames.Response(reqId, 401, "Unauthenticated: send InitConnection first", handler?.ResponseType ?? ResponseTypes.String));
            return;
        }

        if (handler is null)
        {
            connection.Send(Frames.Response(reqId, 400, "Unknown request type: " + Clip(type), ResponseTypes.String));
            return;
        }

        var context = new RequestContext(request, reqId, handler.ResponseType, connection);
        try
        {
            // Inside the try: a fault in the check answers 500, as one in a handler does, and keeps the connection.
            if (RequestValidation.Refusal(request) is { } refusal)
            {
                context.Fail(400, refusal);
                return;
            }

            await handler.HandleAsync(context, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one handler must not take the connection down with it.
            _logger.LogError(ex, "Handler for {Type} failed on request {ReqId}", type, reqId);
            context.Fail(500, "Internal emulator error");
        }
    }

    // The id may be a string or a number; it is always echoed as a string.
    private static string? ReadId(JToken? id) => id switch
    {
        JValue { Type: JTokenType.String } s when ((string?)s)?.Length is > 0 and <= 64 => (string?)s,
        JValue { Type: JTokenType.Integer or JTokenType.Float } n => Convert.ToString(n.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string TooManyRequests(double perSecond, int burst) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Too many requests: at most {burst} at once and {perSecond:0.##} per second on one connection; retry after at least 1 second");

    private static string Clip(string text) => text.Length > 80 ? text[..80] : text;
}
