namespace LpRepl.Emulator.Messaging;

/// <summary>Handles one kind of consumer request; add a request type by adding a handler.</summary>
internal interface IRequestHandler
{
    /// <summary>The request <c>type</c> values this handler answers (case sensitive).</summary>
    IReadOnlyList<string> RequestTypes { get; }

    /// <summary>The response type used for this request, also for its errors.</summary>
    string ResponseType { get; }

    /// <summary>False only for InitConnection: everything else is refused (401) on a connection not yet authenticated.</summary>
    bool RequiresAuthentication => true;

    /// <summary>Handles the request; must answer through <see cref="RequestContext.Respond"/> exactly once.</summary>
    Task HandleAsync(RequestContext context, CancellationToken ct);
}
