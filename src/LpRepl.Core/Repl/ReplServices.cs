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
    /// <summary>Keep-alive interval; the server closes sockets idle for long (protocol.md §5), and a link silent for twice this is lost.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What the keep-alive sends (<c>--keepalive-frame</c>): a ping, or GetClock for servers that ignore pings.</summary>
    public KeepAliveFrame KeepAliveFrame { get; init; } = KeepAliveFrame.Ping;

    /// <summary>Print each keep-alive's round trip (<c>--show-pings</c>, like wscat's <c>-P</c>).</summary>
    public bool ShowKeepAlive { get; init; }

    /// <summary>Refuse frames that do not fit the protocol model instead of warning (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Scripts stream their frames without waiting for each answer (<c>--pipeline</c>; <c>pipeline on|off</c>).</summary>
    public bool Pipeline { get; init; }

    /// <summary>The frame templates this session can send by name.</summary>
    public TemplateLibrary Templates { get; init; } = TemplateLibrary.Empty;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether and how a dropped socket is reconnected (<c>--no-reconnect</c>, <c>--queue</c>).</summary>
    public Reconnection.ReconnectPolicy Reconnect { get; init; } = Reconnection.ReconnectPolicy.Default;

    /// <summary>The proxy for the WebSocket (the HTTP client is built with the same one); null = direct.</summary>
    public System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>The embedded emulator's agent, for the <c>agent</c> command; null against real services.</summary>
    public Agent.IAgentSeat? Agent { get; init; }

    /// <summary>The embedded emulator's fault injection, for the <c>fault</c> command; null against real services.</summary>
    public Faults.IFaultSeat? Faults { get; init; }

    /// <summary>Variables found by domain discovery (LP_IDP, …): not saved by <c>save</c>, as they belong to this run.</summary>
    public ISet<string> DiscoveredVariables { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
