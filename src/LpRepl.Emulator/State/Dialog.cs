using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>A dialog of a conversation: its sequenced event history. Guarded by the owning consumer's gate.</summary>
internal sealed class Dialog
{
    private readonly List<DialogEvent> _events = [];

    public Dialog(string id, string conversationId, long creationTs, string type = DialogType.Main)
    {
        Id = id;
        ConversationId = conversationId;
        CreationTs = creationTs;
        Type = type;
    }

    public string Id { get; }

    /// <summary>MAIN, or POST_SURVEY for a post-conversation survey.</summary>
    public string Type { get; }

    public string ConversationId { get; }

    public long CreationTs { get; }

    public bool IsOpen => EndTs is null;

    public long? EndTs { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? ClosedCause { get; private set; }

    public IReadOnlyList<DialogEvent> Events => _events;

    public void Close(long now, string closedBy, string? closedCause)
    {
        EndTs = now;
        ClosedBy = closedBy;
        ClosedCause = closedCause;
    }

    /// <summary>Records an event (with the request's metadata, if any); content and receipts take the next sequence, chat states are passed on unrecorded.</summary>
    public DialogEvent Append(string originatorId, string role, JObject evt, long now, JArray? metadata = null)
    {
        if (!IsSequenced(evt))
        {
            return new DialogEvent(null, originatorId, role, null, evt, ConversationId, Id, metadata);
        }

        var recorded = new DialogEvent(_events.Count, originatorId, role, now, evt, ConversationId, Id, metadata);
        _events.Add(recorded);
        return recorded;
    }

    public IEnumerable<DialogEvent> EventsFrom(int fromSeq) => _events.Where(e => e.Sequence >= fromSeq);

    // Sequences are shared by both sides and start at 0; only chat state does not consume one.
    private static bool IsSequenced(JObject evt) => (string?)evt["type"] != "ChatStateEvent";
}
