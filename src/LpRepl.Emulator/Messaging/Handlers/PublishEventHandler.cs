using LpRepl.Emulator.Agent;
using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.PublishEvent</c>: records the consumer's event in its dialog and fans it out.</summary>
internal sealed class PublishEventHandler : IRequestHandler
{
    private readonly TimeProvider _time;
    private readonly SimulatedAgent _agent;

    public PublishEventHandler(TimeProvider time, SimulatedAgent agent)
    {
        _time = time;
        _agent = agent;
    }

    public IReadOnlyList<string> RequestTypes { get; } = ["ms.PublishEvent"];

    public string ResponseType => ResponseTypes.PublishEvent;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked the body: a dialogId string and an event of a documented shape.
        var body = context.Body!;
        var evt = EventValidator.Validate(body["event"]!, out var error);
        if (evt is null)
        {
            context.Fail(400, error);
            return Task.CompletedTask;
        }

        var metadata = RequestMetadata.Read(context.Request);

        var consumer = context.Consumer;
        Dialog dialog;
        int? sequence;
        lock (consumer.Gate)
        {
            // Someone else's dialog and no dialog at all look the same: never reveal another consumer's data.
            var found = consumer.FindDialog((string)body["dialogId"]!);
            var conversationId = body["conversationId"] as JValue;
            if (found is null || (conversationId is { Type: JTokenType.String } && (string?)conversationId != found.ConversationId))
            {
                context.Fail(404, "Dialog not found");
                return Task.CompletedTask;
            }

            if (!found.IsOpen)
            {
                context.Fail(400, "Dialog is closed");
                return Task.CompletedTask;
            }

            dialog = found;
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var published = dialog.Append(consumer.ConsumerId, ParticipantRole.Consumer, evt, now, metadata);
            sequence = published.Sequence;
            // Answer first, then fan out, so the response precedes the echo on this connection.
            context.Ok(new JObject { ["sequence"] = published.Sequence ?? 0 });
            consumer.FanOut(published);
            // A text in the survey is an answer: the bot asks on (or ends the survey) at once, in order.
            if (dialog.Type == DialogType.PostSurvey && IsText(evt) && consumer.FindConversation(dialog.ConversationId) is { } conversation)
            {
                SurveyBot.OnAnswer(consumer, conversation, dialog, now);
            }
        }

        _agent.OnConsumerEvent(consumer, dialog, evt, sequence);
        return Task.CompletedTask;
    }

    private static bool IsText(JObject evt) => (string?)evt["type"] == "ContentEvent" && (string?)evt["contentType"] == "text/plain";
}
