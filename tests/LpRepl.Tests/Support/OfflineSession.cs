using LpRepl.Commands;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Transport;

namespace LpRepl.Tests.Support;

/// <summary>A session with the built-in templates and no server, for commands that need none (load, save, run, render).</summary>
public static class OfflineSession
{
    public static ReplSession Create(CollectingOutput output)
    {
        var trust = new TlsTrust();
        var services = new ReplServices(new SessionVariables(), new WebSocketTransport(), output, trust, HttpClientFactory.Create(trust), Serilog.Core.Logger.None)
        {
            Templates = Templating.TemplateFixture.LoadBuiltIns(),
        };
        return new ReplSession(services, CommandRegistry.CreateDefault());
    }
}
