using LpRepl.Security;
using LpRepl.Session;
using LpRepl.Templating;
using LpRepl.Transport;
using Serilog;

namespace LpRepl.Repl;

/// <summary>The collaborators a session is built from; the composition root fills them in.</summary>
public sealed record ReplServices(
    SessionVariables Variables,
    IFrameTransport Transport,
    IReplOutput Output,
    TlsTrust Trust,
    HttpClient Http,
    ILogger Log)
{
    /// <summary>WebSocket ping interval; the server closes sockets idle for long (protocol.md §5).</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The frame templates this session can send by name.</summary>
    public TemplateLibrary Templates { get; init; } = TemplateLibrary.Empty;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The proxy for the WebSocket (the HTTP client is built with the same one); null = direct.</summary>
    public System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>The embedded emulator's agent, for the <c>agent</c> command; null against real services.</summary>
    public Agent.IAgentSeat? Agent { get; init; }

    /// <summary>The embedded emulator's fault injection, for the <c>fault</c> command; null against real services.</summary>
    public Faults.IFaultSeat? Faults { get; init; }

    /// <summary>Variables found by domain discovery (LP_IDP, …): not saved by <c>save</c>, as they belong to this run.</summary>
    public ISet<string> DiscoveredVariables { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
