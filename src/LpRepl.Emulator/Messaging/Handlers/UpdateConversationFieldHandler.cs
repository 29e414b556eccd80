using LpRepl.Emulator.Messaging.Handlers.Fields;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cm.UpdateConversationField</c>: close (ConversationStateField, Stage, DialogChange), TTRField and CSATRate.</summary>
internal sealed class UpdateConversationFieldHandler : IRequestHandler
{
    private readonly TimeProvider _time;
    private readonly bool _surveys;

    public UpdateConversationFieldHandler(TimeProvider time, bool surveys)
    {
        _time = time;
        _surveys = surveys;
    }

    public IReadOnlyList<string> RequestTypes { get; } = ["cm.UpdateConversationField"];

    // The docs show close answered with a StringResponse.
    public string ResponseType => ResponseTypes.String;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked the body: a conversationId, and one field object or a list of at least one.
        var body = context.Body!;
        // A single field may be sent bare instead of in a one-element array.
        List<JObject> items = body["conversationField"] is JArray array ? [.. array.Cast<JObject>()] : [(JObject)body["conversationField"]!];
        var updates = new List<FieldUpdate>();
        foreach (var item in items)
        {
            if (FieldParser.Parse(item, _surveys, out var error) is not { } update)
            {
                context.Fail(400, error);
                return Task.CompletedTask;
            }

            updates.Add(update);
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            var conversation = consumer.FindConversation((string)body["conversationId"]!);
            if (conversation is null)
            {
                context.Fail(404, "Conversation not found");
                return Task.CompletedTask;
            }

            // Every field is checked before any is applied, so a refused request changes nothing.
            var open = conversation.IsOpen;
            foreach (var update in updates)
            {
                if (update.Check(conversation, open) is { } refusal)
                {
                    context.Respond(refusal.Code, refusal.Message);
                    return Task.CompletedTask;
                }

                open &= !update.Closes;
            }

            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            updates.ForEach(update => update.Apply(conversation, now));
            // Answer first, then one UPSERT (or DELETE) for the whole request.
            context.Ok(updates[0].ResponseText);
            consumer.ConversationChanged(conversation);
        }

        return Task.CompletedTask;
    }
}
