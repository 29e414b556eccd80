using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>Turns one conversationField item into a <see cref="FieldUpdate"/>, or a short reason it is invalid.</summary>
internal static class FieldParser
{
    private static readonly HashSet<string> TtrTypes = ["CUSTOM", "NORMAL", "PRIORITIZED", "URGENT"];
    private static readonly HashSet<string> CsatStatuses = ["FILLED", "PARTIALLY_FILLED", "SKIPPED"];

    // surveys: whether closing MAIN of a MULTI_DIALOG conversation opens a post-conversation survey.
    public static FieldUpdate? Parse(JToken item, bool surveys, out string error)
    {
        error = "";
        var field = item as JObject;
        var name = field is not null ? Text(field["field"]) : null;
        if (field is null || name is null)
        {
            error = "Each conversationField needs a field name";
            return null;
        }

        return name switch
        {
            "ConversationStateField" => Text(field["conversationState"]) == "CLOSE"
                ? new CloseUpdate()
                : Fail("Unsupported conversationState: only CLOSE is allowed", out error),
            "Stage" => Text(field["conversationState"]) == "CLOSE"
                ? new CloseUpdate()
                : Fail("Unsupported Stage conversationState: only CLOSE is allowed", out error),
            "DialogChange" => ParseDialogChange(field, surveys, out error),
            "TTRField" => ParseTtr(field, out error),
            "CSATRate" => ParseCsat(field, out error),
            _ => Fail("Unsupported conversation field: " + (name.Length > 60 ? name[..60] : name), out error),
        };
    }

    private static FieldUpdate? ParseDialogChange(JObject field, bool surveys, out string error)
    {
        var dialog = field["dialog"] as JObject;
        var cause = dialog?["closedCause"];
        return Text(field["type"]) != "UPDATE" ? Fail("DialogChange type must be UPDATE", out error)
            : dialog is null || Text(dialog["dialogId"]) is null ? Fail("DialogChange needs dialog.dialogId", out error)
            : Text(dialog["state"]) != "CLOSE" ? Fail("DialogChange dialog.state must be CLOSE", out error)
            : cause is not (null or { Type: JTokenType.Null }) && Text(cause) is null ? Fail("closedCause must be a string", out error)
            : Ok(new CloseUpdate(Text(dialog["dialogId"]), Text(cause), surveys), out error);
    }

    private static FieldUpdate? ParseTtr(JObject field, out string error)
    {
        var type = Text(field["ttrType"]);
        var value = field["value"];
        return type is null || !TtrTypes.Contains(type) ? Fail("ttrType must be CUSTOM, NORMAL, PRIORITIZED or URGENT", out error)
            : value is not { Type: JTokenType.Integer } || (long)value < 0 ? Fail("TTR value must be a non-negative integer", out error)
            : Ok(new TtrUpdate(type, (long)value), out error);
    }

    private static FieldUpdate? ParseCsat(JObject field, out string error)
    {
        var rate = field["csatRate"];
        var confirmation = field["csatResolutionConfirmation"];
        var status = Text(field["status"]);
        return rate is not { Type: JTokenType.Integer } || (long)rate is < 1 or > 5 ? Fail("csatRate must be an integer from 1 to 5", out error)
            : confirmation is not { Type: JTokenType.Boolean } ? Fail("csatResolutionConfirmation must be true or false", out error)
            : status is null || !CsatStatuses.Contains(status) ? Fail("status must be FILLED, PARTIALLY_FILLED or SKIPPED", out error)
            : Ok(new CsatUpdate((int)rate, (bool)confirmation, status), out error);
    }

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static FieldUpdate? Fail(string message, out string error)
    {
        error = message;
        return null;
    }

    private static FieldUpdate Ok(FieldUpdate update, out string error)
    {
        error = "";
        return update;
    }
}
