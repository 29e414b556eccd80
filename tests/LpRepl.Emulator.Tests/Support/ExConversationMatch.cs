using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>Predicates and accessors for cqm.ExConversationChangeNotification frames.</summary>
public static class ExConversationMatch
{
    public static bool IsNotification(JObject frame) =>
        (string?)frame["type"] == "cqm.ExConversationChangeNotification";

    /// <summary>A notification whose first change has this type (UPSERT/DELETE) and passes the check on its conversationDetails (if any).</summary>
    public static Func<JObject, bool> Change(string type, Func<JObject, bool>? details = null) => frame =>
        IsNotification(frame)
        && frame["body"]!["changes"] is JArray { Count: > 0 } changes
        && (string?)changes[0]["type"] == type
        && (details is null || (changes[0]["result"]?["conversationDetails"] is JObject d && details(d)));

    public static JObject FirstChange(JObject notification) => (JObject)notification["body"]!["changes"]![0]!;

    public static JObject Details(JObject notification) => (JObject)FirstChange(notification)["result"]!["conversationDetails"]!;

    public static IEnumerable<string?> Roles(JObject details) =>
        ((JArray)details["participants"]!).Select(p => (string?)p["role"]);

    public static bool HasAgent(JObject details) => Roles(details).Contains("ASSIGNED_AGENT");
}
