namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>
/// The developer-center pages and schemas of the messaging part of the Messaging Window API. Pages are
/// named by their permalink (the published page is https://developers.liveperson.com/&lt;permalink&gt;).
/// </summary>
public static class MessagingSources
{
    public const string PublishText = "pages/…/messaging-window-api-api-reference-publishing-text-content.html";
    public const string SubscribeEvents = "pages/…/messaging-window-api-api-reference-subscribe-to-messaging-events.html";
    public const string UploadUrl = "pages/…/messaging-window-api-api-reference-generate-upload-url.html";
    public const string DownloadUrl = "pages/…/messaging-window-api-api-reference-generate-download-url.html";
    public const string ProtocolOverview = "pages/…/consumer-int-protocol-overview.html";
    public const string RetryPolicy = "pages/Documents/APIGuidelines/retry-policy-recommendations.md";
    public const string GetMessages = "pages/…/messaging-window-api-tutorials-get-messages.html";
    public const string ReadAccept = "pages/…/messaging-window-api-tutorials-read-and-accept-events.html";
    public const string PublishImages = "pages/…/messaging-window-api-tutorials-publish-images.html";
    public const string FileSharing = "pages/…/messaging-window-api-tutorials-file-sharing.html";

    public const string ConsumerRequests = "assets/schema/ws/consumerRequests.json";
    public const string ConsumerResponses = "assets/schema/ws/consumerResponses.json";
    public const string ConsumerNotifications = "assets/schema/ws/consumerNotifications.json";
    public const string Request = "assets/schema/infra/req.json";
    public const string Response = "assets/schema/infra/resp.json";
    public const string Notification = "assets/schema/infra/notification.json";
    public const string GenericSubscribe = "assets/schema/types/genericSubscribeResp.json";
    public const string PublishEventBody = "assets/schema/ms/PublishEvent.json";
    public const string PublishEventSuccess = "assets/schema/ms/PublishEventSuccess.json";
    public const string TextValue = "assets/schema/ms/TextValue.json";
    public const string HostedFile = "assets/schema/ms/HostedFile.json";
    public const string RichContent = "assets/schema/ms/RichContent.json";
    public const string ChatStateEvent = "assets/schema/ms/ChatStateEvent.json";
    public const string AcceptStatusEvent = "assets/schema/ms/AcceptStatusEvent.json";
    public const string ContentEvent = "assets/schema/ms/ContentEvent.json";
    public const string MessagingEventNotification = "assets/schema/ms/messagingEventNotification.json";
    public const string SubscribeMessagingEvents = "assets/schema/ms/subscribeMessagingEvents.json";
    public const string QueryMessages = "assets/schema/ms/queryMessages.json";
    public const string UploadBody = "assets/schema/ms/GenerateURLForUploadFileBody.json";
    public const string DownloadBody = "assets/schema/ms/GenerateURLForDownloadFileBody.json";
    public const string GenerateUrlResponse = "assets/schema/ms/GenerateURLResp.json";
    public const string GenerateUrlBody = "assets/schema/ms/GenerateURLRespBody.json";
}
