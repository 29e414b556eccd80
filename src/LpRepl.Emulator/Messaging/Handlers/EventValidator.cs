using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>Checks a published event and returns the form the emulator stores, or an error text.</summary>
internal static class EventValidator
{
    private static readonly HashSet<string> ChatStates = ["ACTIVE", "INACTIVE", "GONE", "COMPOSING", "PAUSE"];
    private static readonly HashSet<string> AcceptStatuses = ["ACCEPT", "READ", "ACCESS", "NACK", "ACTION"];

    public static JObject? Validate(JToken? token, out string error)
    {
        error = "";
        if (token is not JObject evt)
        {
            error = "Missing event";
            return null;
        }

        var type = evt["type"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        error = type switch
        {
            null => "Missing event type",
            "ContentEvent" => CheckContent(evt),
            "ChatStateEvent" => IsOneOf(evt["chatState"], ChatStates) ? "" : "ChatStateEvent needs chatState ACTIVE|INACTIVE|GONE|COMPOSING|PAUSE",
            "AcceptStatusEvent" => !IsOneOf(evt["status"], AcceptStatuses)
                ? "AcceptStatusEvent needs status ACCEPT|READ|ACCESS|NACK|ACTION"
                : IsSequenceList(evt["sequenceList"]) ? "" : "AcceptStatusEvent needs a sequenceList of integers",
            "RichContentEvent" => (evt["content"] ?? evt["message"]) is JObject ? "" : "RichContentEvent needs a content object",
            _ => "Unsupported event type: " + (type.Length > 60 ? type[..60] : type),
        };

        return error.Length == 0 ? Normalize((JObject)evt.DeepClone()) : null;
    }

    // Real rich-content notifications carry the element under "content"; clients may send it as "message".
    private static JObject Normalize(JObject evt)
    {
        if ((string?)evt["type"] == "RichContentEvent" && evt["content"] is null && evt["message"] is { } message)
        {
            evt.Remove("message");
            evt["content"] = message;
        }

        return evt;
    }

    // A shared file's message is an object naming the uploaded file; other content is text (or an object).
    private static string CheckContent(JObject evt)
    {
        if ((string?)evt["contentType"] == "hosted/file")
        {
            return evt["message"] is JObject file
                && file["relativePath"] is JValue { Type: JTokenType.String }
                && file["fileType"] is JValue { Type: JTokenType.String }
                ? ""
                : "hosted/file needs a message object with relativePath and fileType";
        }

        return evt["message"] is JValue { Type: JTokenType.String } or JObject ? "" : "ContentEvent needs a message";
    }

    private static bool IsOneOf(JToken? token, HashSet<string> allowed) =>
        token is JValue { Type: JTokenType.String } value && allowed.Contains((string)value!);

    private static bool IsSequenceList(JToken? token) =>
        token is JArray array && array.All(item => item.Type == JTokenType.Integer && (long)item >= 0);
}
