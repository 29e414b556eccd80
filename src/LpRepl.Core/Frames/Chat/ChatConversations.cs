using Newtonsoft.Json.Linq;

namespace LpRepl.Frames.Chat;

/// <summary>
/// What the chat view last saw of each conversation (participants and state), so a
/// <c>cqm.ExConversationChangeNotification</c>, which always carries the whole conversation, is told as what changed.
/// </summary>
internal sealed class ChatConversations
{
    // A server picks how many conversations it reports: the oldest are forgotten past this many.
    private const int MaxConversations = 256;

    private readonly Dictionary<string, (HashSet<string> Participants, string? State)> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public IEnumerable<string> Describe(JToken change)
    {
        var result = change["result"] as JObject;
        var id = (result?["convId"] as JValue)?.Value?.ToString() ?? "?";
        var shortId = ChatText.ShortId(id);
        if ((change["type"] as JValue)?.Value?.ToString() == "DELETE")
        {
            _seen.Remove(id);
            yield return $"· conversation {shortId} left the subscription";
            yield break;
        }
        var details = result?["conversationDetails"] as JObject;
        var participants = Participants(details?["participants"]);
        var state = (details?["state"] as JValue)?.Value?.ToString();
        var known = _seen.TryGetValue(id, out var before);
        Remember(id, participants, state);
        var lines = new List<string>();
        if (!known)
        {
            // Seen first with others in it already (subscribed late, or after a reconnect): say who, as no join will.
            var others = participants.Select(Role).Where(r => r != "you").Distinct().ToList();
            lines.Add($"· conversation {shortId} {(state ?? "?").ToLowerInvariant()}{(others.Count == 0 ? "" : ", with " + string.Join(", ", others))}");
        }
        foreach (var joined in participants.Where(p => known && !before.Participants.Contains(p)).Select(Role))
        {
            lines.Add($"· {joined} joined");
        }
        foreach (var left in known ? before.Participants.Where(p => !participants.Contains(p)).Select(Role) : [])
        {
            lines.Add($"· {left} left");
        }
        if (known && state != before.State)
        {
            var reason = (details?["closeReason"] as JValue)?.Value?.ToString();
            lines.Add(state == "CLOSE"
                ? $"· conversation {shortId} closed{(reason is null ? "" : " by " + reason.ToLowerInvariant())}"
                : $"· conversation {shortId} {(state ?? "?").ToLowerInvariant()}");
        }
        if (lines.Count == 0)
        {
            lines.Add($"· conversation {shortId} updated");
        }
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    // Each participant as role:id, so the same person in a new role (an agent transferred back) is a join too.
    private static HashSet<string> Participants(JToken? token) =>
        token is JArray array
            ? [.. array.OfType<JObject>().Select(p => $"{(p["role"] as JValue)?.Value}:{(p["id"] as JValue)?.Value}")]
            : [];

    private static string Role(string participant) => ChatText.Speaker(participant[..participant.IndexOf(':', StringComparison.Ordinal)]);

    private void Remember(string id, HashSet<string> participants, string? state)
    {
        if (!_seen.ContainsKey(id))
        {
            _order.Enqueue(id);
            while (_order.Count > MaxConversations)
            {
                _seen.Remove(_order.Dequeue());
            }
        }
        _seen[id] = (participants, state);
    }
}
