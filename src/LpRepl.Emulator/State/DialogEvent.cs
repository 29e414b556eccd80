using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>One event published into a dialog; Sequence and Timestamp are null for chat states. Metadata is the request's top-level <c>metadata</c> (an array), shown with the event.</summary>
internal sealed record DialogEvent(
    int? Sequence,
    string OriginatorId,
    string Role,
    long? ServerTimestamp,
    JObject Event,
    string ConversationId,
    string DialogId,
    JArray? Metadata = null)
{
    /// <summary>The item of ms.MessagingEventNotification's body.changes for this event.</summary>
    public JObject ToChange()
    {
        var change = new JObject();
        if (Sequence is { } sequence)
        {
            change["sequence"] = sequence;
        }

        change["originatorId"] = OriginatorId;
        change["originatorMetadata"] = new JObject { ["id"] = OriginatorId, ["role"] = Role };
        if (ServerTimestamp is { } timestamp)
        {
            change["serverTimestamp"] = timestamp;
        }

        change["event"] = Event.DeepClone();
        change["conversationId"] = ConversationId;
        change["dialogId"] = DialogId;
        // The PCS tutorial's notifications carry the request's metadata after dialogId.
        if (Metadata is not null)
        {
            change["metadata"] = Metadata.DeepClone();
        }

        return change;
    }
}
