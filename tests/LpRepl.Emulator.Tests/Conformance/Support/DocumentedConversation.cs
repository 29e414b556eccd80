using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>The tutorials' first steps, sent as they print them: a new conversation, a subscription to its events.</summary>
public static class DocumentedConversation
{
    /// <summary>Every messaging tutorial's "create a conversation" frame; returns the conversation id (also the MAIN dialog id).</summary>
    public static async Task<string> OpenAsync(ConsumerClient client, string source)
    {
        var response = await client.SendDocumentedAsync(new DocumentedFrame(source, """{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"""));
        ((int)response["code"]!).Should().Be(200, $"{source}: the conversation is created");
        return (string)response["body"]!["conversationId"]!;
    }

    /// <summary>The Get Messages tutorial's Step 4 frame for this dialog; returns the first notification (the history).</summary>
    public static async Task<JObject> SubscribeAsync(ConsumerClient client, string dialogId)
    {
        var frame = new DocumentedFrame(MessagingSources.GetMessages + " §Step 4", """{"kind":"req","id":"22","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"},"type":"ms.SubscribeMessagingEvents"}""")
            .With("__YOUR_CONVERSATION_ID__", dialogId);
        var response = await client.SendDocumentedAsync(frame);
        ((int)response["code"]!).Should().Be(200);
        return await client.NextAsync(f => (string?)f["type"] == "ms.MessagingEventNotification");
    }

    /// <summary>The next messaging notification whose first change is of this event type from this role.</summary>
    public static Task<JObject> NextChangeAsync(ConsumerClient client, string role, string eventType, Func<JObject, bool>? also = null) =>
        client.NextAsync(f => (string?)f["type"] == "ms.MessagingEventNotification"
            && f["body"]?["changes"] is JArray { Count: > 0 } changes
            && (string?)changes[0]["originatorMetadata"]?["role"] == role
            && (string?)changes[0]["event"]?["type"] == eventType
            && (also?.Invoke((JObject)changes[0]) ?? true));
}
