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

    /// <summary>Variables found by domain discovery (LP_IDP, …): not saved by <c>save</c>, as they belong to this run.</summary>
    public ISet<string> DiscoveredVariables { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
