using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cqm.UnsubscribeExConversations</c>: ends one of this connection's ExConversation subscriptions.</summary>
internal sealed class UnsubscribeExConversationsHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["cqm.UnsubscribeExConversations"];

    // The docs only say the answer has a string body.
    public string ResponseType => ResponseTypes.String;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        if (context.Body?["subscriptionId"] is not JValue { Type: JTokenType.String } idToken)
        {
            context.Fail(400, "Missing subscriptionId");
            return Task.CompletedTask;
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // Subscriptions belong to the connection: another connection's id is as unknown as a made-up one.
            if (!context.Connection.Subscriptions.RemoveConversations((string)idToken!))
            {
                context.Fail(404, "Subscription not found");
                return Task.CompletedTask;
            }
        }

        context.Ok("OK");
        return Task.CompletedTask;
    }
}
