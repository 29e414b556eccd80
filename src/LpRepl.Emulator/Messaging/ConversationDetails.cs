using LpRepl.Emulator.Agent;
using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>Renders a conversation as the <c>result</c> of a v3 cqm.ExConversationChangeNotification change.</summary>
internal static class ConversationDetails
{
    public const string Open = "OPEN";
    public const string Close = "CLOSE";

    /// <summary>The conversation's <c>state</c>, which follows its MAIN dialog (a survey may still run).</summary>
    public static string StateOf(Conversation conversation) => conversation.MainDialog.IsOpen ? Open : Close;

    /// <summary>The conversation's <c>stage</c>: open until every dialog, survey included, is closed.</summary>
    public static string StageOf(Conversation conversation) => conversation.IsOpen ? Open : Close;

    public static JObject Result(Conversation conversation, string brandId) => new()
    {
        ["convId"] = conversation.Id,
        ["conversationDetails"] = Details(conversation, brandId),
        ["lastUpdateTime"] = conversation.LastUpdateTime,
    };

    private static JObject Details(Conversation conversation, string brandId)
    {
        var details = new JObject
        {
            // The survey bot joins the conversation as AGENT once the survey opens (the PCS tutorial), not MAIN.
            ["participants"] = conversation.SurveyDialog is null
                ? Participants(conversation)
                : new JArray(Participants(conversation).Append(Participant(SurveyBot.Id, ParticipantRole.Agent))),
            ["dialogs"] = new JArray(conversation.Dialogs.Select(d => Dialog(conversation, d))),
            ["brandId"] = brandId,
            ["state"] = StateOf(conversation),
            // Without a post-conversation survey the stage always equals the state.
            ["stage"] = StageOf(conversation),
        };
        if (conversation.CloseReason is { } closeReason)
        {
            details["closeReason"] = closeReason;
        }

        details["startTs"] = conversation.StartTs;
        if (conversation.EndTs is { } endTs)
        {
            details["endTs"] = endTs;
        }

        details["metaDataLastUpdateTs"] = conversation.LastUpdateTime;
        details["ttr"] = new JObject { ["ttrType"] = conversation.TtrType, ["value"] = conversation.TtrValue };
        if (conversation.Csat is { } csat)
        {
            details["csat"] = csat.DeepClone();
        }

        return details;
    }

    private static JObject Dialog(Conversation conversation, Dialog dialog)
    {
        var json = new JObject
        {
            ["dialogId"] = dialog.Id,
            ["participantsDetails"] = dialog.Type == DialogType.Main
                ? Participants(conversation)
                : new JArray(Participant(conversation.Participants[0].Id, ParticipantRole.Consumer), Participant(SurveyBot.Id, ParticipantRole.Agent)),
            ["dialogType"] = dialog.Type,
            ["channelType"] = "MESSAGING",
            ["state"] = dialog.IsOpen ? Open : Close,
            ["creationTs"] = dialog.CreationTs,
        };
        if (dialog.EndTs is { } endTs)
        {
            json["endTs"] = endTs;
        }

        json["metaDataLastUpdateTs"] = conversation.LastUpdateTime;
        if (dialog.ClosedBy is { } closedBy)
        {
            json["closedBy"] = closedBy;
        }

        if (dialog.ClosedCause is { } closedCause)
        {
            json["closedCause"] = closedCause;
        }

        return json;
    }

    private static JArray Participants(Conversation conversation) =>
        new(conversation.Participants.Select(p => Participant(p.Id, p.Role)));

    private static JObject Participant(string id, string role) => new() { ["id"] = id, ["role"] = role };
}
