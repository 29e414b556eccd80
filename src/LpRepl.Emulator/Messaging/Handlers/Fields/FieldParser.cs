using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>
/// Turns one conversationField item, which the protocol model has checked (its field name, required
/// fields and enumerations), into a <see cref="FieldUpdate"/>, or says why a consumer cannot set it.
/// </summary>
internal static class FieldParser
{
    // surveys: whether closing MAIN of a MULTI_DIALOG conversation opens a post-conversation survey.
    public static FieldUpdate? Parse(JObject field, bool surveys, out string error)
    {
        error = "";
        switch ((string?)field["field"])
        {
            case "ConversationStateField" or "Stage":
                return new CloseUpdate();
            case "DialogChange":
                var dialog = (JObject)field["dialog"]!;
                return new CloseUpdate((string)dialog["dialogId"]!, (string?)dialog["closedCause"], surveys);
            case "TTRField":
                return new TtrUpdate((string)field["ttrType"]!, JsonInteger.Read(field["value"], 0)!.Value);
            case "CSATRate":
                return new CsatUpdate((int)JsonInteger.Read(field["csatRate"])!.Value, (bool)field["csatResolutionConfirmation"]!, (string)field["status"]!);
            case var name:
                // Skill and ParticipantsChange are documented, but for agents (cm/types/ParticipantsChange.json).
                error = "Unsupported conversation field: " + name;
                return null;
        }
    }
}
