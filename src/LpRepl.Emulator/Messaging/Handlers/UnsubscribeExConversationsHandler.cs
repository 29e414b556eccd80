namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cqm.UnsubscribeExConversations</c>: ends one of this connection's ExConversation subscriptions.</summary>
internal sealed class UnsubscribeExConversationsHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["cqm.UnsubscribeExConversations"];

    // The docs only say the answer has a string body.
    public string ResponseType => ResponseTypes.String;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked that the body names a subscriptionId string.
        var subscriptionId = (string)context.Body!["subscriptionId"]!;
        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // Subscriptions belong to the connection: another connection's id is as unknown as a made-up one.
            if (!context.Connection.Subscriptions.RemoveConversations(subscriptionId))
            {
                context.Fail(404, "Subscription not found");
                return Task.CompletedTask;
            }
        }

        context.Ok("OK");
        return Task.CompletedTask;
    }
}
