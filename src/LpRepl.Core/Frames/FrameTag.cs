namespace LpRepl.Frames;

/// <summary>
/// What the session knows about a frame beyond its text: its number in the ring of recent frames (for <c>show N</c>)
/// and, for a response, the request it answers and how long that took.
/// </summary>
public sealed record FrameTag(long Number, string? RequestType = null, string? RequestId = null, TimeSpan? Elapsed = null);
