using LpRepl.Emulator.State;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>ConversationStateField CLOSE, Stage CLOSE, or DialogChange closing a dialog (only MAIN exists, so it closes the conversation).</summary>
internal sealed class CloseUpdate : FieldUpdate
{
    private readonly string? _dialogId;
    private readonly string? _closedCause;

    // dialogId: the dialog a DialogChange names; null for the conversation-wide fields.
    public CloseUpdate(string? dialogId = null, string? closedCause = null)
    {
        _dialogId = dialogId;
        _closedCause = closedCause;
    }

    public override string ResponseText => Resolved;

    public override bool Closes => true;

    public override FieldRefusal? Check(Conversation conversation, bool open)
    {
        if (_dialogId is not null && _dialogId != conversation.MainDialog.Id)
        {
            return new FieldRefusal(404, "Dialog not found");
        }

        if (!open)
        {
            return new FieldRefusal(400, _dialogId is null ? "Conversation is already closed" : "Dialog is already closed");
        }

        return null;
    }

    // Only the consumer closes conversations in the emulator (the simulated agent never does).
    public override void Apply(Conversation conversation, long now) =>
        conversation.Close(now, ParticipantRole.Consumer, _closedCause);
}
