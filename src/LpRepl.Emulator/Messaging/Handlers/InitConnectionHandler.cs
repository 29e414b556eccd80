using LpRepl.Emulator.Security;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>
/// <c>InitConnection</c>: authenticates a socket opened without an Authorization header, with the
/// ConsumerAuthentication header of the request's top-level <c>headers</c> array.
/// </summary>
internal sealed class InitConnectionHandler : IRequestHandler
{
    private readonly TokenService _tokens;

    public InitConnectionHandler(TokenService tokens) => _tokens = tokens;

    public IReadOnlyList<string> RequestTypes { get; } = ["InitConnection"];

    public string ResponseType => ResponseTypes.String;

    public bool RequiresAuthentication => false;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // A single header may be sent bare instead of in a one-element array.
        var headers = context.Request["headers"] switch
        {
            JArray array => array.OfType<JObject>(),
            JObject single => [single],
            _ => [],
        };
        var authentication = headers.FirstOrDefault(h => (string?)h["type"] == ".ams.headers.ConsumerAuthentication");
        if (authentication is null)
        {
            context.Fail(400, "Missing ConsumerAuthentication header");
            return Task.CompletedTask;
        }

        // The protocol model has checked that the header carries a jwt string (and every header's type).
        var jwt = (string)authentication["jwt"]!;
        if (jwt.Length == 0)
        {
            context.Fail(400, "ConsumerAuthentication header needs a jwt");
            return Task.CompletedTask;
        }

        var validation = _tokens.Validate(jwt, context.Account.AccountId);
        if (validation.Failure == TokenFailure.Expired)
        {
            // As documented for an expired token: the socket closes (4401, or 4407 for an unauthenticated identity).
            context.Connection.CloseForExpiredToken(validation.Unauthenticated);
            return Task.CompletedTask;
        }

        if (!validation.IsValid)
        {
            context.Fail(401, "Unauthorized: " + validation.Reason);
            return Task.CompletedTask;
        }

        var connection = context.Connection;
        if (connection.IsAuthenticated)
        {
            // Clients that send both the header and InitConnection (lp-api does) get an idempotent 200.
            if (connection.Consumer.ConsumerId != validation.ConsumerId)
            {
                context.Fail(400, "Connection is already authenticated as another consumer");
                return Task.CompletedTask;
            }
        }
        else
        {
            connection.Authenticate(context.Account.GetConsumer(validation.ConsumerId!), validation.ExpiresAt, validation.Unauthenticated);
        }

        if (headers.FirstOrDefault(h => (string?)h["type"] == ".ams.headers.ClientProperties") is { } properties)
        {
            connection.ClientProperties = ClientProperties.From(properties);
        }

        context.Ok("Connection initialized successfully");
        return Task.CompletedTask;
    }
}
