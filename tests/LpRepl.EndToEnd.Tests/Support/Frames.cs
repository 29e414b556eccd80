namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>The getting-started tutorial's frames (protocol.md §10 item 1), as a user pastes them.</summary>
public static class Frames
{
    public const string RequestConversation = "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}";

    public const string Subscribe = "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"fromSeq\":0}}";

    public const string PublishHiThere = "{\"kind\":\"req\",\"id\":3,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi there\"}}}";

    public const string Close = "{\"kind\":\"req\",\"id\":4,\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"{{conversationId}}\",\"conversationField\":[{\"field\":\"ConversationStateField\",\"conversationState\":\"CLOSE\"}]}}";

    /// <summary>A frame with the template placeholders replaced, for peers that have no templates.</summary>
    public static string With(string frame, string conversationId) => frame.Replace("{{conversationId}}", conversationId, StringComparison.Ordinal);
}
