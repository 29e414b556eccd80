using LpRepl.Commands;
using LpRepl.Emulator;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Transport;

namespace LpRepl.Tests.Support;

/// <summary>One real emulator (Kestrel, TLS, loopback) shared by a test class; sessions are made per test.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    /// <summary>How long the simulated agent takes to answer.</summary>
    protected virtual TimeSpan AgentDelay => TimeSpan.FromMilliseconds(50);

    public EmulatorServer Server { get; private set; } = null!;

    public const string Account = "12345678";

    /// <summary>How the simulated agent behaves.</summary>
    protected virtual AgentMode AgentMode => AgentMode.Auto;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            AgentDelay = AgentDelay,
            Agent = AgentMode,
            DefaultAccount = Account,
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A session wired as lprepl wires it, pointed at this emulator, trusting only its CA.</summary>
    public ReplSession NewSession(CollectingOutput output, TimeProvider? time = null, LpRepl.Repl.Reconnection.ReconnectPolicy? reconnect = null)
    {
        var trust = new TlsTrust();
        trust.AddRoot(Server.CaCertificate);
        var variables = new SessionVariables();
        variables.Set("LP_ACCOUNT", Account);
        variables.Set("LP_IDP", Server.Authority);
        variables.Set("LP_ASYNCMESSAGINGENT", Server.Authority);
        var services = new ReplServices(variables, new WebSocketTransport(), output, trust, HttpClientFactory.Create(trust), Serilog.Core.Logger.None)
        {
            Templates = Templating.TemplateFixture.LoadBuiltIns(),
            Agent = new App.Startup.EmulatorAgentSeat(Server.AgentSeat),
            Time = time ?? TimeProvider.System,
            Reconnect = reconnect ?? LpRepl.Repl.Reconnection.ReconnectPolicy.Default,
            Faults = new App.Startup.EmulatorFaultSeat(Server.Faults, Server.BaseUri),
        };
        return new ReplSession(services, CommandRegistry.CreateDefault());
    }
}
