using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Files;
using LpRepl.Emulator.Security;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>Every consumer request type the emulator serves: one handler each.</summary>
internal static class ConsumerHandlers
{
    public static IRequestHandler[] Create(TimeProvider time, TokenService tokens, SimulatedAgent agent, SwiftTempUrl fileUrls, bool surveys = true) =>
        [
            new InitConnectionHandler(tokens),
            new RequestConversationHandler(time, agent),
            new PublishEventHandler(time, agent),
            new SubscribeMessagingEventsHandler(),
            new QueryMessagesHandler(),
            new SubscribeExConversationsHandler(),
            new UnsubscribeExConversationsHandler(),
            new UpdateConversationFieldHandler(time, surveys),
            new GetClockHandler(time),
            new KeepAliveHandler(),
            new SetUserProfileHandler(),
            new GenerateUploadUrlHandler(fileUrls),
            new GenerateDownloadUrlHandler(fileUrls),
        ];
}
