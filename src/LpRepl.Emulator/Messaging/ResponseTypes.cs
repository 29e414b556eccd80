namespace LpRepl.Emulator.Messaging;

/// <summary>The response and notification type strings of the v=3 consumer protocol.</summary>
internal static class ResponseTypes
{
    public const string String = "StringResponse";
    public const string RequestConversation = "cm.RequestConversationResponse";
    public const string PublishEvent = "ms.PublishEventResponse";
    public const string GenericSubscribe = "GenericSubscribeResponse";
    public const string GetClock = ".GetClock$Response";
    public const string MessagingEventNotification = "ms.MessagingEventNotification";
    public const string SubscribeExConversations = "cqm.SubscribeExConversationsResponse";
    public const string ExConversationChangeNotification = "cqm.ExConversationChangeNotification";
    public const string GenerateUrl = "ms.BaseGenerateURLResponse";
    public const string QueryMessages = ".ams.ms.QueryMessages$Response";
    public const string SetUserProfile = "userprofile.SetUserProfileResponse";
}
