using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>Builds outgoing frames, compact and in the field order the real server uses.</summary>
internal static class Frames
{
    public static string Response(string? reqId, int code, JToken body, string type) =>
        new JObject
        {
            ["kind"] = "resp",
            ["reqId"] = reqId is null ? JValue.CreateNull() : new JValue(reqId),
            ["code"] = code,
            ["body"] = body,
            ["type"] = type,
        }.ToString(Formatting.None);

    public static string Notification(JToken body, string type) =>
        new JObject { ["kind"] = "notification", ["body"] = body, ["type"] = type }.ToString(Formatting.None);

    public static string MessagingEvents(IEnumerable<JObject> changes) =>
        Notification(new JObject { ["changes"] = new JArray(changes) }, ResponseTypes.MessagingEventNotification);
}
