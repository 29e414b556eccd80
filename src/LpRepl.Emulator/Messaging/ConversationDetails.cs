using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>Renders a conversation as the <c>result</c> of a v3 cqm.ExConversationChangeNotification change.</summary>
internal static class ConversationDetails
{
    public const string Open = "OPEN";
    public const string Close = "CLOSE";

    public static string StateOf(Conversation conversation) => conversation.IsOpen ? Open : Close;

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
            ["participants"] = Participants(conversation),
            ["dialogs"] = new JArray(MainDialog(conversation)),
            ["brandId"] = brandId,
            ["state"] = StateOf(conversation),
            // Without a post-conversation survey the stage always equals the state.
            ["stage"] = StateOf(conversation),
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

    private static JObject MainDialog(Conversation conversation)
    {
        var dialog = conversation.MainDialog;
        var json = new JObject
        {
            ["dialogId"] = dialog.Id,
            ["participantsDetails"] = Participants(conversation),
            ["dialogType"] = "MAIN",
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
        new(conversation.Participants.Select(p => new JObject { ["id"] = p.Id, ["role"] = p.Role }));
}
