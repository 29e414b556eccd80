using LpRepl.Emulator.Agent;
using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cm.ConsumerRequestConversation</c>: opens the consumer's one conversation.</summary>
internal sealed class RequestConversationHandler : IRequestHandler
{
    // Fields of the request body kept with the conversation (later issues show them in metadata).
    private static readonly string[] StoredFields =
        ["channelType", "ttrDefName", "brandId", "skillId", "campaignInfo", "conversationContext"];

    private readonly TimeProvider _time;
    private readonly SimulatedAgent _agent;

    public RequestConversationHandler(TimeProvider time, SimulatedAgent agent)
    {
        _time = time;
        _agent = agent;
    }

    public IReadOnlyList<string> RequestTypes { get; } = ["cm.ConsumerRequestConversation"];

    public string ResponseType => ResponseTypes.RequestConversation;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked that a body, when given, is an object.
        var details = new JObject();
        foreach (var field in StoredFields)
        {
            if (context.Body?[field] is { } value)
            {
                details[field] = value.DeepClone();
            }
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // One consumer can only have one open conversation at a time.
            if (consumer.OpenConversation is not null)
            {
                context.Fail(400, "There is already an open conversation");
                return Task.CompletedTask;
            }

            var conversation = new Conversation(Guid.NewGuid().ToString(), consumer.ConsumerId, _time.GetUtcNow().ToUnixTimeMilliseconds(), details, context.Connection.ClientProperties.Features);
            consumer.Add(conversation);
            context.Account.RegisterConversation(conversation.Id, consumer);
            // Answer, then the consumer-only UPSERT, then the agent's acceptance as its own UPSERT.
            context.Ok(new JObject { ["conversationId"] = conversation.Id });
            consumer.ConversationChanged(conversation);
            _agent.OnConversationOpened(context.Account, consumer, conversation);
        }

        return Task.CompletedTask;
    }
}
