using System.Net;
using System.Security.Cryptography.X509Certificates;
using LpRepl.Emulator.AccountConfig;
using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Faults;
using LpRepl.Emulator.Files;
using LpRepl.Emulator.Hosting;
using LpRepl.Emulator.Http;
using LpRepl.Emulator.Messaging;
using LpRepl.Emulator.Messaging.Handlers;
using LpRepl.Emulator.Persistence;
using LpRepl.Emulator.Security;
using LpRepl.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LpRepl.Emulator;

/// <summary>
/// A local stand-in for the LivePerson consumer services (CSDS, IDP, UMS WebSocket, Swift files, agent
/// profile, agent login and site settings) over HTTPS, on loopback unless told otherwise.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorCertificates _certificates;
    private readonly TokenService _tokens;
    private readonly IdentityProvider _idp;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private readonly CertificateNames _names;
    private readonly AdvertisedAddress? _advertised;
    private readonly EmulatorState _state;
    private readonly IdleTrim _trim;
    private int _disposed;

    private EmulatorServer(EmulatorOptions options, AdvertisedAddress? advertised, CertificateNames names, WebApplication app, EmulatorCertificates certificates, TokenService tokens, IdentityProvider idp, CancellationTokenSource stopping, ILogger logger)
    {
        Options = options;
        _advertised = advertised;
        _names = names;
        _app = app;
        _certificates = certificates;
        _tokens = tokens;
        _idp = idp;
        _stopping = stopping;
        _logger = logger;
        _state = new EmulatorState(options.Time, options.MaxIdleConsumers);
        _state.Remember(options.KnownConsumers);
        _trim = new IdleTrim(options.Time, options.IdleTrimDelay);
    }

    /// <summary>
    /// "host:port" clients are told to use: the value of every LP_&lt;SERVICE&gt; domain variable.
    /// The advertised address, else the listening one (127.0.0.1 when listening on every interface).
    /// </summary>
    public string Authority { get; private set; } = "";

    /// <summary>"host:port" this machine reaches the emulator at: the listening address (127.0.0.1 for every interface) and port.</summary>
    public string LocalAuthority { get; private set; } = "";

    /// <summary>The names (IP addresses, then DNS names) the server certificate is valid for.</summary>
    public IReadOnlyList<string> CertificateNames => _names.All;

    /// <summary>https://host:port/</summary>
    public Uri BaseUri { get; private set; } = new("https://127.0.0.1/");

    /// <summary>The CA that signed the server certificate: the trust anchor for clients.</summary>
    public X509Certificate2 CaCertificate => _certificates.Ca;

    /// <summary>PEM of <see cref="CaCertificate"/>, for CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS or --cacert.</summary>
    public string CaCertificatePem => _certificates.CaPem;

    public EmulatorOptions Options { get; }

    /// <summary>The unauthenticated connector's id (LP_CONN_ID): POST /api/account/{account}/app/{ConnectorId}/authenticate.</summary>
    public string ConnectorId => _idp.ConnectorId;

    /// <summary>PEM ("PUBLIC KEY") of the brand key /authenticate accepts: the configured one, or the one made at start.</summary>
    public string BrandPublicKeyPem => _idp.BrandKey.PublicKeyPem;

    internal TokenService Tokens => _tokens;

    /// <summary>
    /// The keys this run signs with, to keep for the next one. The brand key is there only when the
    /// emulator made it (with BrandPublicKeyPem configured, a kept one is handed back as it came).
    /// </summary>
    public EmulatorKeys Keys => new(
        _tokens.ExportKey(),
        _idp.ExportConnectorKey(),
        _idp.BrandKey.CanSign ? _idp.BrandKey.ExportKey() : Options.Keys?.Brand);

    /// <summary>Every consumer known now (kept ones and those seen this run), with when each was last seen.</summary>
    public IReadOnlyList<KnownConsumer> KnownConsumers() => _state.KnownConsumers();

    internal SimulatedAgent Agent { get; private set; } = null!;

    /// <summary>The agent's side for a person (accept, say, typing, read, close, mode), as in LiveEngage; also served at /emulator/agent/… to loopback callers.</summary>
    public AgentSeat AgentSeat { get; private set; } = null!;

    /// <summary>Faults on the consumer sockets (drop, freeze, delay, reorder, close), also served at /emulator/faults/… to loopback callers.</summary>
    public FaultInjector Faults { get; private set; } = null!;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host must be an IP address, got '{options.Host}'.", nameof(options));
        }

        AdvertisedAddress? advertised = null;
        if (options.Advertise is { } advertise && !AdvertisedAddress.TryParse(advertise, out advertised, out var problem))
        {
            throw new ArgumentException($"Advertise: {problem}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestsPerSecond, nameof(options.RequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestBurst, 1, nameof(options.RequestBurst));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuedFrames, 1, nameof(options.MaxQueuedFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuedCharacters, 1, nameof(options.MaxQueuedCharacters));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIdleConsumers, nameof(options.MaxIdleConsumers));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FileUrlLifetime, TimeSpan.Zero, nameof(options.FileUrlLifetime));
        if (!AccountId.IsValid(options.ConnectorId))
        {
            throw new ArgumentException($"ConnectorId must be 1-64 letters, digits, '_' or '-', got '{options.ConnectorId}'.", nameof(options));
        }

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        // First, so a bad PEM is refused before anything that needs disposing exists.
        var brandKey = options.BrandPublicKeyPem is { } pem ? ExternalTokenKey.FromPublicPem(pem)
            : options.Keys?.Brand is { } keptBrand ? ExternalTokenKey.FromPkcs8(keptBrand)
            : ExternalTokenKey.Generate();
        var names = Security.CertificateNames.For(address, advertised);
        var certificates = CertificateFactory.Create(options.Time, names);
        var tokens = new TokenService(options.Time, options.Keys?.Signing);
        var connectorKey = options.Keys is { } kept ? ExternalTokenKey.FromPkcs8(kept.Connector) : null;
        var idp = new IdentityProvider(tokens, brandKey, options.ConnectorId, options.Time, connectorKey);
        var stopping = new CancellationTokenSource();
        var app = WebHostFactory.Create(address, options.Port, certificates.Server, loggerFactory);
        var server = new EmulatorServer(options, advertised, names, app, certificates, tokens, idp, stopping, loggerFactory.CreateLogger<EmulatorServer>());
        try
        {
            server.MapEndpoints(loggerFactory);
            // Read the protocol model's files while Kestrel starts, so the first request does not wait for them.
            RequestValidation.Warm();
            await app.StartAsync(ct);
            server.ReadAddress(address);
            server._logger.LogInformation("Emulator listening on {Address} as {BaseUri} (agent {Mode}; certificate for {Names})", options.Host, server.BaseUri, options.Agent, string.Join(", ", server.CertificateNames));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A brand's external JWT for one of its users, signed with the emulator's brand key: what the AUTH
    /// tutorial hands out as LP_EXT_JWT, to exchange at /authenticate for an authenticated consumer's LP JWT.
    /// </summary>
    /// <param name="account">The account the token is for (its aud, acc:&lt;account&gt;).</param>
    /// <param name="subject">The brand's user id (sub); the same subject is always the same consumer.</param>
    /// <param name="lifetime">How long until exp; two years when null.</param>
    /// <param name="name">An optional name claim, as in the tutorial's sample.</param>
    /// <exception cref="InvalidOperationException">A BrandPublicKeyPem was configured, so there is no brand private key.</exception>
    public string IssueExternalJwt(string account, string subject, TimeSpan? lifetime = null, string? name = null)
    {
        if (!AccountId.IsValid(account))
        {
            throw new ArgumentException($"Not an account id the emulator serves: '{account}'.", nameof(account));
        }

        ArgumentException.ThrowIfNullOrEmpty(subject);
        var life = lifetime ?? IdentityProvider.DefaultExternalLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThan(life, TimeSpan.FromSeconds(1), nameof(lifetime));
        if (!_idp.BrandKey.CanSign)
        {
            throw new InvalidOperationException("A BrandPublicKeyPem was configured: the emulator has no brand private key to sign with.");
        }

        return _idp.IssueBrandToken(account, subject, life, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Cancel first so open WebSockets end now instead of holding shutdown until its timeout.
        await _stopping.CancelAsync();
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Never started (StartAsync failed): nothing to stop.
        }

        await _app.DisposeAsync();
        _trim.Dispose();
        _tokens.Dispose();
        _idp.Dispose();
        _certificates.Dispose();
        _stopping.Dispose();
    }

    private void MapEndpoints(ILoggerFactory loggerFactory)
    {
        var options = Options;
        var state = _state;
        Agent = new SimulatedAgent(options, state, loggerFactory.CreateLogger<SimulatedAgent>(), _stopping.Token);
        AgentSeat = new AgentSeat(Agent, state, options.Time);
        var fileUrls = new SwiftTempUrl(options.Time, options.FileUrlLifetime);
        var handlers = ConsumerHandlers.Create(options.Time, _tokens, Agent, fileUrls, options.PostConversationSurvey);
        var dispatcher = new RequestDispatcher(handlers, loggerFactory.CreateLogger<RequestDispatcher>());
        Faults = new FaultInjector(options.Time);
        var consumers = new ConsumerEndpoint(_tokens, state, dispatcher, ConnectionLimitsFor(options), Faults, _trim, loggerFactory.CreateLogger<ConsumerEndpoint>(), _stopping.Token);

        CsdsEndpoints.Map(_app, () => Authority);
        var idpLogger = loggerFactory.CreateLogger("LpRepl.Emulator.Http.Idp");
        IdpEndpoints.Map(_app, _tokens, _idp, idpLogger);
        AnonymousIdpEndpoints.Map(_app, _idp, idpLogger);
        SwiftEndpoints.Map(_app, fileUrls, new FileStore(), loggerFactory.CreateLogger("LpRepl.Emulator.Http.Swift"));
        AgentProfileEndpoints.Map(_app, state, () => Authority);
        var agentSessions = new AgentSessions();
        var accountLogger = loggerFactory.CreateLogger("LpRepl.Emulator.Http.AccountConfig");
        AgentLoginEndpoints.Map(_app, state, agentSessions, accountLogger);
        SitePropertyEndpoints.Map(_app, agentSessions, new SiteProperties(), accountLogger);
        FaultEndpoints.Map(_app, Faults);
        AgentEndpoints.Map(_app, AgentSeat);
        _app.Map(ConsumerEndpoint.Pattern, (HttpContext http, string account) => consumers.HandleAsync(http, account));
    }

    private static ConnectionLimits ConnectionLimitsFor(EmulatorOptions options) => new(options.Time, options.IdleTimeout)
    {
        RequestsPerSecond = options.RequestsPerSecond,
        RequestBurst = options.RequestBurst,
        MaxQueuedFrames = options.MaxQueuedFrames,
        MaxQueuedCharacters = options.MaxQueuedCharacters,
    };

    private void ReadAddress(IPAddress address)
    {
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address."));
        // Every interface includes loopback, and 127.0.0.1 is what `docker run -p` forwards on the host.
        var local = IpText.IsWildcard(address) ? IPAddress.Loopback : address;
        LocalAuthority = $"{IpText.ForAuthority(local)}:{bound.Port}";
        Authority = _advertised?.Authority(bound.Port) ?? LocalAuthority;
        BaseUri = new Uri($"https://{Authority}/");
    }
}
