namespace LpRepl.Protocol;

/// <summary>The consumer request types of the Messaging Window API (protocol.md §7), for completion and checks.</summary>
public static class RequestTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "cm.ConsumerRequestConversation",
        "cm.UpdateConversationField",
        "cqm.SubscribeExConversations",
        "cqm.UnsubscribeExConversations",
        "ms.GenerateURLForDownloadFile",
        "ms.GenerateURLForUploadFile",
        "ms.PublishEvent",
        "ms.SubscribeMessagingEvents",
        ".GetClock",
        "GetClock",
        "InitConnection",
        "KeepAlive",
        "userprofile.SetUserProfile",
    ];
}
