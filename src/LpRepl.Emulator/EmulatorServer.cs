using System.Net;
using System.Security.Cryptography.X509Certificates;
using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Hosting;
using LpRepl.Emulator.Http;
using LpRepl.Emulator.Messaging;
using LpRepl.Emulator.Messaging.Handlers;
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

/// <summary>A local stand-in for the LivePerson consumer services (CSDS, IDP, UMS WebSocket) over HTTPS on loopback.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorCertificates _certificates;
    private readonly TokenService _tokens;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private int _disposed;

    private EmulatorServer(EmulatorOptions options, WebApplication app, EmulatorCertificates certificates, TokenService tokens, CancellationTokenSource stopping, ILogger logger)
    {
        Options = options;
        _app = app;
        _certificates = certificates;
        _tokens = tokens;
        _stopping = stopping;
        _logger = logger;
    }

    /// <summary>"host:port": the value of every LP_&lt;SERVICE&gt; domain variable.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>https://host:port/</summary>
    public Uri BaseUri { get; private set; } = new("https://127.0.0.1/");

    /// <summary>The CA that signed the server certificate: the trust anchor for clients.</summary>
    public X509Certificate2 CaCertificate => _certificates.Ca;

    /// <summary>PEM of <see cref="CaCertificate"/>, for CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS or --cacert.</summary>
    public string CaCertificatePem => _certificates.CaPem;

    public EmulatorOptions Options { get; }

    internal TokenService Tokens => _tokens;

    internal SimulatedAgent Agent { get; private set; } = null!;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host must be an IP address, got '{options.Host}'.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var certificates = CertificateFactory.Create(options.Time, address);
        var tokens = new TokenService(options.Time);
        var stopping = new CancellationTokenSource();
        var app = WebHostFactory.Create(address, options.Port, certificates.Server, loggerFactory);
        var server = new EmulatorServer(options, app, certificates, tokens, stopping, loggerFactory.CreateLogger<EmulatorServer>());
        try
        {
            server.MapEndpoints(loggerFactory);
            await app.StartAsync(ct);
            server.ReadAddress(address);
            server._logger.LogInformation("Emulator listening on {BaseUri} (agent {Mode})", server.BaseUri, options.Agent);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
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
        _tokens.Dispose();
        _certificates.Dispose();
        _stopping.Dispose();
    }

    private void MapEndpoints(ILoggerFactory loggerFactory)
    {
        var options = Options;
        var state = new EmulatorState();
        Agent = new SimulatedAgent(options, state, loggerFactory.CreateLogger<SimulatedAgent>(), _stopping.Token);
        var handlers = ConsumerHandlers.Create(options.Time, _tokens, Agent);
        var dispatcher = new RequestDispatcher(handlers, loggerFactory.CreateLogger<RequestDispatcher>());
        var consumers = new ConsumerEndpoint(_tokens, state, dispatcher, loggerFactory.CreateLogger<ConsumerEndpoint>(), _stopping.Token);

        CsdsEndpoints.Map(_app, () => Authority);
        IdpEndpoints.Map(_app, _tokens, loggerFactory.CreateLogger("LpRepl.Emulator.Http.Idp"));
        _app.Map(ConsumerEndpoint.Pattern, (HttpContext http, string account) => consumers.HandleAsync(http, account));
    }

    private void ReadAddress(IPAddress address)
    {
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address."));
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        Authority = $"{host}:{bound.Port}";
        BaseUri = new Uri($"https://{Authority}/");
    }
}
