using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.SubscribeMessagingEvents</c>: sends the dialog's history from fromSeq, then live events.</summary>
internal sealed class SubscribeMessagingEventsHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["ms.SubscribeMessagingEvents"];

    public string ResponseType => ResponseTypes.GenericSubscribe;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var body = context.Body;
        if (body?["dialogId"] is not JValue { Type: JTokenType.String } dialogIdToken)
        {
            context.Fail(400, "Missing dialogId");
            return Task.CompletedTask;
        }

        var fromSeqToken = body["fromSeq"];
        var fromSeq = 0;
        if (fromSeqToken is not (null or { Type: JTokenType.Null }))
        {
            if (fromSeqToken.Type != JTokenType.Integer || (long)fromSeqToken < 0 || (long)fromSeqToken > int.MaxValue)
            {
                context.Fail(400, "fromSeq must be a non-negative integer");
                return Task.CompletedTask;
            }

            fromSeq = (int)fromSeqToken;
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // Closed dialogs can be subscribed too: that is how a client reads history.
            var dialog = consumer.FindDialog((string)dialogIdToken!);
            if (dialog is null)
            {
                context.Fail(404, "Dialog not found");
                return Task.CompletedTask;
            }

            // Under the gate, the snapshot and the subscription are atomic against live publishes.
            context.Ok(new JObject());
            context.Connection.Send(Frames.MessagingEvents(dialog.EventsFrom(fromSeq).Select(e => e.ToChange())));
            context.Connection.Subscriptions.SubscribeDialog(dialog.Id);
        }

        return Task.CompletedTask;
    }
}
