using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>Predicates for <see cref="ConsumerClient.NextAsync"/>.</summary>
public static class FrameMatch
{
    public static bool IsMessagingNotification(JObject frame) =>
        (string?)frame["type"] == "ms.MessagingEventNotification";

    /// <summary>A messaging notification with one change from the given role.</summary>
    public static Func<JObject, bool> ChangeFrom(string role) => frame =>
        IsMessagingNotification(frame)
        && frame["body"]!["changes"] is JArray { Count: > 0 } changes
        && (string?)changes[0]["originatorMetadata"]?["role"] == role;

    public static JObject FirstChange(JObject notification) => (JObject)notification["body"]!["changes"]![0]!;
}
