namespace LpRepl.Emulator.State;

/// <summary>An open, authenticated connection of a consumer that wants live dialog events and conversation changes.</summary>
internal interface IConsumerSubscriber
{
    /// <summary>Called under the consumer's gate, so it must not block.</summary>
    void OnDialogEvent(DialogEvent dialogEvent);

    /// <summary>Called under the consumer's gate after a conversation's metadata changed; must not block.</summary>
    void OnConversationChanged(Conversation conversation);
}
