using LpRepl.Emulator.Agent;
using LpRepl.Emulator.State;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>
/// ConversationStateField CLOSE and Stage CLOSE (the whole conversation, survey included), or a
/// DialogChange closing one dialog. Closing MAIN of a conversation asked for with the
/// MULTI_DIALOG feature opens the post-conversation survey instead of ending it.
/// </summary>
internal sealed class CloseUpdate : FieldUpdate
{
    public const string MultiDialogFeature = "MULTI_DIALOG";

    private readonly string? _dialogId;
    private readonly string? _closedCause;
    private readonly bool _surveys;

    // dialogId: the dialog a DialogChange names; null for the conversation-wide fields.
    // surveys: whether the emulator runs post-conversation surveys at all.
    public CloseUpdate(string? dialogId = null, string? closedCause = null, bool surveys = true)
    {
        _dialogId = dialogId;
        _closedCause = closedCause;
        _surveys = surveys;
    }

    public override string ResponseText => Resolved;

    public override bool Closes => true;

    public override FieldRefusal? Check(Conversation conversation, bool open)
    {
        if (_dialogId is null)
        {
            return open ? null : new FieldRefusal(400, "Conversation is already closed");
        }

        var dialog = conversation.Dialogs.FirstOrDefault(d => d.Id == _dialogId);
        return dialog is null ? new FieldRefusal(404, "Dialog not found")
            : !open || !dialog.IsOpen ? new FieldRefusal(400, "Dialog is already closed")
            : null;
    }

    public override void Apply(Conversation conversation, long now)
    {
        var dialog = _dialogId is null ? null : conversation.Dialogs.First(d => d.Id == _dialogId);
        if (dialog is { Type: DialogType.Main } && _surveys && conversation.Features.Contains(MultiDialogFeature))
        {
            // MAIN closes, the survey opens with its first question already in it.
            SurveyBot.Start(conversation.CloseMainAndOpenSurvey(now, ParticipantRole.Consumer, _closedCause), now);
            return;
        }

        // Only the consumer closes through this request; the agent closes through the agent seat.
        conversation.Close(now, ParticipantRole.Consumer, _closedCause);
    }
}
