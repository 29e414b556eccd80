using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>A dialog of a conversation: its sequenced event history. Guarded by the owning consumer's gate.</summary>
internal sealed class Dialog
{
    private readonly List<DialogEvent> _events = [];

    public Dialog(string id, string conversationId)
    {
        Id = id;
        ConversationId = conversationId;
    }

    public string Id { get; }

    public string ConversationId { get; }

    public bool IsOpen { get; private set; } = true;

    public IReadOnlyList<DialogEvent> Events => _events;

    public void Close() => IsOpen = false;

    /// <summary>Records an event; content and receipts take the next sequence, chat states are passed on unrecorded.</summary>
    public DialogEvent Append(string originatorId, string role, JObject evt, long now)
    {
        if (!IsSequenced(evt))
        {
            return new DialogEvent(null, originatorId, role, null, evt, ConversationId, Id);
        }

        var recorded = new DialogEvent(_events.Count, originatorId, role, now, evt, ConversationId, Id);
        _events.Add(recorded);
        return recorded;
    }

    public IEnumerable<DialogEvent> EventsFrom(int fromSeq) => _events.Where(e => e.Sequence >= fromSeq);

    // Sequences are shared by both sides and start at 0; only chat state does not consume one.
    private static bool IsSequenced(JObject evt) => (string?)evt["type"] != "ChatStateEvent";
}
