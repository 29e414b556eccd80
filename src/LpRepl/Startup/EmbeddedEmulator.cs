using LpRepl.App.Startup.Keeping;
using LpRepl.Configuration;
using LpRepl.Emulator;
using Serilog.Extensions.Logging;

namespace LpRepl.App.Startup;

/// <summary>
/// The emulator running inside this process, plus its CA certificate written to a file so the
/// tutorial's own tools (curl, wscat) trust it through <c>CURL_CA_BUNDLE</c> / <c>NODE_EXTRA_CA_CERTS</c>.
/// </summary>
public sealed class EmbeddedEmulator : IAsyncDisposable
{
    private readonly EmulatorStateStore? _store;
    private readonly Action<string> _warn;

    private EmbeddedEmulator(EmulatorServer server, string caFile, EmulatorStateStore? store, Action<string> warn)
    {
        Server = server;
        CaFile = caFile;
        _store = store;
        _warn = warn;
    }

    public EmulatorServer Server { get; }

    public string CaFile { get; }

    // store: where its keys and consumers are kept across runs (null: this run only, as the standalone
    // emulator); warn: where a state that cannot be saved at the end is reported.
    public static async Task<EmbeddedEmulator> StartAsync(EmulatorOptions options, Serilog.ILogger log, string? caFile, CancellationToken ct, EmulatorStateStore? store = null, Action<string>? warn = null)
    {
        var server = await EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                Host = options.Host,
                Advertise = options.Advertise,
                Port = options.Port,
                Agent = options.Agent,
                AgentDelay = options.AgentDelay,
                AgentAcceptDelay = options.AgentAcceptDelay,
                AgentTyping = options.AgentTyping,
                IdleTimeout = options.IdleTimeout,
                PostConversationSurvey = options.PostConversationSurvey,
                BrandPublicKeyPem = options.BrandPublicKeyPem,
                DefaultAccount = options.DefaultAccount,
                RequestsPerSecond = options.RequestsPerSecond,
                RequestBurst = options.RequestBurst,
                MaxQueuedFrames = options.MaxQueuedFrames,
                MaxQueuedCharacters = options.MaxQueuedCharacters,
                Keys = store?.State.Keys ?? options.Keys,
                KnownConsumers = store?.State.Consumers ?? options.KnownConsumers,
                LoggerFactory = new SerilogLoggerFactory(log),
            },
            ct);
        var path = caFile ?? DefaultCaFile();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, server.CaCertificatePem, ct);
        return new EmbeddedEmulator(server, path, store, warn ?? (_ => { }));
    }

    /// <summary>The brand user of the sample external token (the authentication tutorial's LP_EXT_JWT).</summary>
    public const string SampleBrandUser = "+1-555-0100";

    /// <summary>
    /// LP_EXT_JWT (a sample external token signed with the emulator's brand key, as the
    /// authentication tutorial hands one out) and LP_CONN_ID / LP_APP_CONN_ID (its connector).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> IdentityVariables(string account)
    {
        // With the brand's own key configured only the brand can sign: there is no sample token to give.
        if (Server.Options.BrandPublicKeyPem is null)
        {
            yield return new("LP_EXT_JWT", Server.IssueExternalJwt(account, SampleBrandUser, name: "Sample Consumer"));
        }

        yield return new("LP_CONN_ID", Server.ConnectorId);
        // The tutorial uses both names for the same id.
        yield return new("LP_APP_CONN_ID", Server.ConnectorId);
    }

    /// <summary>Points child processes (curl, node) at the emulator's CA.</summary>
    public void ExportTrustToEnvironment()
    {
        Environment.SetEnvironmentVariable("CURL_CA_BUNDLE", CaFile);
        Environment.SetEnvironmentVariable("NODE_EXTRA_CA_CERTS", CaFile);
    }

    /// <summary>Adds the emulator's host to NO_PROXY (both spellings) for child processes such as curl and wscat.</summary>
    public static void ExportNoProxy(string host)
    {
        foreach (var name in new[] { "NO_PROXY", "no_proxy" })
        {
            var current = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, string.IsNullOrEmpty(current) ? host : current + "," + host);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Read before the server goes: the consumers of this run join those kept for the next.
        _store?.Save(Server.KnownConsumers(), _warn);
        await Server.DisposeAsync();
        try
        {
            File.Delete(CaFile);
        }
        catch (IOException)
        {
            // Best effort: a stale public certificate file is harmless.
        }
    }

    // One file per process, so several emulators (or REPLs) can run side by side.
    private static string DefaultCaFile()
    {
        var name = $"emulator-ca-{Environment.ProcessId}.pem";
        try
        {
            var dir = XdgPaths.StateDirectory();
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.Combine(Path.GetTempPath(), "lprepl-" + name);
        }
    }
}
