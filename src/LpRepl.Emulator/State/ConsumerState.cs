using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>
/// Everything one consumer (one JWT sub) owns: conversations, dialogs and open connections.
/// Every member except the ids must be used while holding <see cref="Gate"/>; that one lock
/// orders history snapshots and live fan-out so a subscriber never misses or repeats an event.
/// </summary>
internal sealed class ConsumerState
{
    private readonly List<Conversation> _conversations = [];
    private readonly List<IConsumerSubscriber> _subscribers = [];

    public ConsumerState(string accountId, string consumerId)
    {
        AccountId = accountId;
        ConsumerId = consumerId;
    }

    public object Gate { get; } = new();

    public string AccountId { get; }

    public string ConsumerId { get; }

    public Conversation? OpenConversation => _conversations.FirstOrDefault(c => c.IsOpen);

    public IReadOnlyList<Conversation> Conversations => _conversations;

    /// <summary>When a socket last authenticated as this consumer (epoch ms); kept for the next run with the consumer.</summary>
    public long LastSeenMs { get; set; }

    /// <summary>How often a socket has authenticated as this consumer; an idle consumer seen again since it left is not forgotten.</summary>
    public long Seen { get; private set; }

    /// <summary>True once the account has let go of this consumer: a socket must look it up again.</summary>
    public bool Forgotten { get; private set; }

    /// <summary>No open socket and no open conversation: nothing a client holds needs this state any more.</summary>
    public bool IsIdle => _subscribers.Count == 0 && OpenConversation is null;

    /// <summary>Stamps a socket's authentication; false when the consumer was forgotten meanwhile.</summary>
    public bool MarkSeen(long now)
    {
        if (Forgotten)
        {
            return false;
        }

        Seen++;
        LastSeenMs = now;
        return true;
    }

    /// <summary>Lets go of an idle consumer not seen again since <paramref name="seen"/>; false when it is still wanted.</summary>
    public bool TryForget(long seen)
    {
        if (Forgotten || Seen != seen || !IsIdle)
        {
            return false;
        }

        Forgotten = true;
        return true;
    }

    /// <summary>The last userprofile.SetUserProfile body, kept as sent.</summary>
    public JObject? Profile { get; set; }

    public Conversation? FindConversation(string id) => _conversations.FirstOrDefault(c => c.Id == id);

    /// <summary>A dialog of any of this consumer's conversations (a survey dialog appears when it opens).</summary>
    public Dialog? FindDialog(string id) => _conversations.SelectMany(c => c.Dialogs).FirstOrDefault(d => d.Id == id);

    public void Add(Conversation conversation) => _conversations.Add(conversation);

    public void Attach(IConsumerSubscriber subscriber) => _subscribers.Add(subscriber);

    public void Detach(IConsumerSubscriber subscriber) => _subscribers.Remove(subscriber);

    /// <summary>Appends an event to a dialog and hands it to every open connection of this consumer.</summary>
    public DialogEvent Publish(Dialog dialog, string originatorId, string role, JObject evt, long now)
    {
        var published = dialog.Append(originatorId, role, evt, now);
        FanOut(published);
        return published;
    }

    /// <summary>Hands an already appended event to every open connection of this consumer.</summary>
    public void FanOut(DialogEvent published)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.OnDialogEvent(published);
        }
    }

    /// <summary>Tells every open connection that a conversation's metadata changed (one UPSERT/DELETE per change).</summary>
    public void ConversationChanged(Conversation conversation)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.OnConversationChanged(conversation);
        }
    }
}
