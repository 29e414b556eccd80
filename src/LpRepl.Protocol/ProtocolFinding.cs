namespace LpRepl.Protocol;

/// <summary>
/// One thing the protocol model found wrong with a frame: where (a JSON path such as
/// <c>body.event.contentType</c>, empty for the frame itself), what, and the likely intended name
/// or value when one is near enough.
/// </summary>
public sealed record ProtocolFinding(string Path, FindingKind Kind, string Message, string? Suggestion = null)
{
    /// <summary>An unknown field that is the misspelling of a required one, which is therefore missing.</summary>
    public bool StandsForRequired { get; init; }

    /// <summary>
    /// Whether a server cannot honour the request: everything but an unknown field. The documentation says
    /// nothing of unknown fields in requests, so they are let through (a misspelt required one is still a
    /// missing field).
    /// </summary>
    public bool Refuses => Kind != FindingKind.UnknownField || StandsForRequired;

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
