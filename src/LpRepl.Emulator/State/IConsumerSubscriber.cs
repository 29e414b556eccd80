namespace LpRepl.Emulator.State;

/// <summary>An open connection of a consumer that wants live events of the dialogs it subscribed to.</summary>
internal interface IDialogSubscriber
{
    /// <summary>Called under the consumer's gate, so it must not block.</summary>
    void OnDialogEvent(DialogEvent dialogEvent);
}
