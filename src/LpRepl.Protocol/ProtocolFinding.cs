namespace LpRepl.Protocol;

/// <summary>
/// One thing the protocol model found wrong with a frame: where (a JSON path such as
/// <c>body.event.contentType</c>, empty for the frame itself), what, and the likely intended name
/// or value when one is near enough.
/// </summary>
public sealed record ProtocolFinding(string Path, FindingKind Kind, string Message, string? Suggestion = null)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
