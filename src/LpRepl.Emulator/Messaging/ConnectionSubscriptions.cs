using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>What one connection subscribed to: dialogs (messaging events) and ExConversation streams. Guarded by the consumer's gate.</summary>
internal sealed class ConnectionSubscriptions : IConsumerSubscriber
{
    private readonly Action<string> _send;
    private readonly HashSet<string> _dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExConversationSubscription> _conversations = new(StringComparer.Ordinal);

    public ConnectionSubscriptions(Action<string> send) => _send = send;

    /// <summary>Call together with sending the history, so no live event slips between.</summary>
    public void SubscribeDialog(string dialogId) => _dialogs.Add(dialogId);

    /// <summary>Call together with sending the snapshot, so no live change slips between.</summary>
    public void AddConversations(ExConversationSubscription subscription) => _conversations.Add(subscription.Id, subscription);

    public bool RemoveConversations(string subscriptionId) => _conversations.Remove(subscriptionId);

    public void OnDialogEvent(DialogEvent dialogEvent)
    {
        if (_dialogs.Contains(dialogEvent.DialogId))
        {
            _send(Frames.MessagingEvents([dialogEvent.ToChange()]));
        }
    }

    public void OnConversationChanged(Conversation conversation)
    {
        foreach (var subscription in _conversations.Values)
        {
            if (subscription.ChangeFor(conversation) is { } change)
            {
                _send(subscription.Notification(new JArray(change)));
            }
        }
    }
}
