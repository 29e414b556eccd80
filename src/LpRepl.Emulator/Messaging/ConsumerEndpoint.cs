using LpRepl.Emulator.Faults;
using LpRepl.Emulator.Hosting;
using LpRepl.Emulator.Http;
using LpRepl.Emulator.Security;
using LpRepl.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Messaging;

/// <summary>The consumer WebSocket endpoint: checks a JWT header (a refused one still upgrades, then closes with 4401) or lets InitConnection do it later, then runs the connection.</summary>
internal sealed class ConsumerEndpoint
{
    public const string Pattern = "/ws_api/account/{account}/messaging/consumer";

    private readonly TokenService _tokens;
    private readonly EmulatorState _state;
    private readonly RequestDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    private readonly ConnectionLimits _limits;
    private readonly FaultInjector _faults;
    private readonly IdleTrim _trim;

    public ConsumerEndpoint(TokenService tokens, EmulatorState state, RequestDispatcher dispatcher, ConnectionLimits limits, FaultInjector faults, IdleTrim trim, ILogger<ConsumerEndpoint> logger, CancellationToken stopping)
    {
        _trim = trim;
        _limits = limits;
        _faults = faults;
        _tokens = tokens;
        _state = state;
        _dispatcher = dispatcher;
        _logger = logger;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext http, string account)
    {
        if (!AccountId.IsValid(account))
        {
            await PlainAsync(http, StatusCodes.Status400BadRequest, "Bad Request: invalid account id");
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await PlainAsync(http, StatusCodes.Status400BadRequest, "Bad Request: this endpoint only accepts WebSocket upgrades");
            return;
        }

        var properties = ClientProperties.None;
        if (http.Request.Headers.TryGetValue("Client-Properties", out var propertiesHeader))
        {
            if (ClientProperties.Parse(propertiesHeader.ToString()) is not { } parsed)
            {
                await PlainAsync(http, StatusCodes.Status400BadRequest, "Bad Request: Client-Properties must be a JSON object");
                return;
            }

            properties = parsed;
        }

        string? consumerId = null;
        var expiresAt = long.MaxValue;
        var unauthenticated = false;
        // A well-signed token of this account that ran out: the socket opens and closes at once with
        // 4401 or 4407, as documented, so a reconnecting client learns which renewal to do.
        var expired = false;
        // A header without a usable token (none, malformed, forged, another account's): the protocol
        // overview's 4401 ("does not contain the required authorization token"), after the upgrade.
        string? refusal = null;
        // No Authorization header at all is the browser flow: the socket opens unauthenticated and
        // InitConnection authenticates it.
        if (http.Request.Headers.ContainsKey("Authorization"))
        {
            var token = AuthorizationHeader.ReadJwt(http.Request.Headers.Authorization);
            var validation = token is null ? null : _tokens.Validate(token, account);
            expired = validation?.Failure == TokenFailure.Expired;
            if (validation is null)
            {
                refusal = "expected header 'Authorization: jwt <token>'";
            }
            else if (!validation.IsValid && !expired)
            {
                refusal = validation.Reason;
            }
            else
            {
                consumerId = validation.ConsumerId!;
                expiresAt = validation.ExpiresAt;
                unauthenticated = validation.Unauthenticated;
            }
        }

        var accountState = _state.GetAccount(account);
        var consumer = consumerId is null || expired ? null : accountState.GetConsumer(consumerId);

        // Registered before the 101 goes out: a client may ask for a fault the moment its handshake completes.
        var target = new FaultTarget(http.Features.Get<IHttpRequestLifetimeFeature>(), http.Features.Get<FreezeGate>());
        _faults.Register(target);
        _trim.Opened();
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping, http.RequestAborted);
            _logger.LogDebug("Consumer {ConsumerId} connected on account {Account}", consumer?.ConsumerId ?? "(awaiting InitConnection)", account);
            var connection = new ConsumerConnection(socket, accountState, consumer, expiresAt, unauthenticated, _dispatcher, _limits, http.Features.Get<ConnectionActivity>(), _logger) { ClientProperties = properties, Faults = _faults };
            if (expired)
            {
                _logger.LogInformation("Consumer connection on account {Account} opened with an expired token; closing it", account);
                connection.CloseForExpiredToken(unauthenticated);
            }
            else if (refusal is not null)
            {
                // Never log the token itself: the reason is enough to debug.
                _logger.LogInformation("Refused consumer connection on account {Account}: {Reason}", account, refusal);
                var (status, reason) = CloseCodes.ForRefusedToken(refusal);
                connection.RequestClose(status, reason);
            }

            target.Attach(connection);
            await connection.RunAsync(stop.Token);
            _logger.LogDebug("Consumer {ConsumerId} disconnected", connection.IsAuthenticated ? connection.Consumer.ConsumerId : "(unauthenticated)");
        }
        finally
        {
            _faults.Unregister(target);
            _trim.Closed();
        }
    }

    private static async Task PlainAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text + "\n");
    }
}
