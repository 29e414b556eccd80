using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cqm.SubscribeExConversations</c>: the caller's conversations' metadata, now and as it changes, on this connection.</summary>
internal sealed class SubscribeExConversationsHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["cqm.SubscribeExConversations"];

    public string ResponseType => ResponseTypes.SubscribeExConversations;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The filter never names a consumer: a subscription only ever sees the caller's own conversations.
        var filter = ExConversationFilter.Parse(context.Body);

        var consumer = context.Consumer;
        var subscription = new ExConversationSubscription(Guid.NewGuid().ToString(), filter, context.Account.AccountId);
        lock (consumer.Gate)
        {
            // Under the gate, the snapshot and the subscription are atomic against live changes.
            context.Ok(new JObject { ["subscriptionId"] = subscription.Id });
            context.Connection.Send(subscription.Notification(subscription.Snapshot(consumer.Conversations)));
            context.Connection.Subscriptions.AddConversations(subscription);
        }

        return Task.CompletedTask;
    }
}
