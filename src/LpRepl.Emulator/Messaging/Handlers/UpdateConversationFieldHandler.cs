using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>cm.UpdateConversationField</c>; for now only ConversationStateField CLOSE.</summary>
internal sealed class UpdateConversationFieldHandler : IRequestHandler
{
    private readonly TimeProvider _time;

    public UpdateConversationFieldHandler(TimeProvider time) => _time = time;

    public IReadOnlyList<string> RequestTypes { get; } = ["cm.UpdateConversationField"];

    // The docs show close answered with a StringResponse.
    public string ResponseType => ResponseTypes.String;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var body = context.Body;
        if (body?["conversationId"] is not JValue { Type: JTokenType.String } conversationIdToken)
        {
            context.Fail(400, "Missing conversationId");
            return Task.CompletedTask;
        }

        // A single field may be sent bare instead of in a one-element array.
        var fields = body["conversationField"] switch
        {
            JArray array => array.ToList(),
            JObject single => [single],
            _ => null,
        };
        if (fields is null || fields.Count == 0)
        {
            context.Fail(400, "Missing conversationField");
            return Task.CompletedTask;
        }

        if (CheckFields(fields) is { } fieldError)
        {
            context.Fail(400, fieldError);
            return Task.CompletedTask;
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            var conversation = consumer.FindConversation((string)conversationIdToken!);
            if (conversation is null)
            {
                context.Fail(404, "Conversation not found");
                return Task.CompletedTask;
            }

            if (!conversation.IsOpen)
            {
                context.Fail(400, "Conversation is already closed");
                return Task.CompletedTask;
            }

            conversation.Close(_time.GetUtcNow().ToUnixTimeMilliseconds());
            context.Ok("OK Conversation resolved successfully");
        }

        return Task.CompletedTask;
    }

    // Every field is checked before any is applied, so a bad request changes nothing.
    private static string? CheckFields(List<JToken> fields)
    {
        foreach (var field in fields)
        {
            var name = field is JObject obj && obj["field"] is JValue { Type: JTokenType.String } f ? (string?)f : null;
            if (name is null)
            {
                return "Each conversationField needs a field name";
            }

            if (name != "ConversationStateField")
            {
                return "Unsupported conversation field: " + (name.Length > 60 ? name[..60] : name);
            }

            if ((string?)field["conversationState"] != "CLOSE")
            {
                return "Unsupported conversationState: only CLOSE is allowed";
            }
        }

        return null;
    }
}
