using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// The conversations this session has left (each <c>conversationId</c> it had before the current one),
/// so a late message of an earlier conversation cannot satisfy a wait about the current one.
/// </summary>
public sealed class ConversationTracker
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _former = new(StringComparer.Ordinal);
    private string? _current;

    /// <summary>Takes note of the session's <c>conversationId</c> now; a different one makes the previous one former.</summary>
    public void Observe(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return;
        }
        lock (_gate)
        {
            if (conversationId == _current)
            {
                return;
            }
            if (_current is not null)
            {
                _former.Add(_current);
            }
            _former.Remove(conversationId);
            _current = conversationId;
        }
    }

    /// <summary>
    /// Whether the frame is about earlier conversations only: it names a conversation or dialog (in
    /// <c>body</c> or in each of <c>body.changes</c>) and every one it names is former — unless the wait
    /// asked for it by value (<paramref name="asked"/>).
    /// </summary>
    public bool IsAboutFormer(JObject frame, IReadOnlyCollection<string> asked)
    {
        var named = Named(frame).ToList();
        lock (_gate)
        {
            return named.Count > 0 && named.All(_former.Contains) && !named.Any(asked.Contains);
        }
    }

    private static IEnumerable<string> Named(JObject frame)
    {
        if (frame["body"] is not JObject body)
        {
            yield break;
        }
        var items = body["changes"] is JArray changes ? changes.OfType<JObject>() : [body];
        foreach (var item in items)
        {
            // A change of a survey dialog names its conversation too (v3): that is the one compared.
            var id = item["conversationId"] ?? item["dialogId"];
            if (id is JValue { Type: JTokenType.String } value)
            {
                yield return (string)value!;
            }
        }
    }
}
