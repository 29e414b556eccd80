using Newtonsoft.Json;

namespace LpRepl.Transcripts;

/// <summary>One line of a transcript.</summary>
public sealed record TranscriptEntry(
    [property: JsonProperty("dir")] string Direction,
    [property: JsonProperty("ts")] DateTimeOffset Timestamp,
    [property: JsonProperty("frame")] string Frame);
