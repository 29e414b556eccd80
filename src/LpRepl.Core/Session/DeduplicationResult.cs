using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>
/// The deduplicator's verdict on one frame: when <see cref="DeduplicationOutcome.Rewritten"/>, the
/// frame with only the unseen changes (every other field as it came) as text and parsed; and how
/// many already-seen changes were skipped.
/// </summary>
public sealed record DeduplicationResult(DeduplicationOutcome Outcome, string? Text, JObject? Frame, int Skipped)
{
    public static readonly DeduplicationResult Unchanged = new(DeduplicationOutcome.Unchanged, null, null, 0);
}
