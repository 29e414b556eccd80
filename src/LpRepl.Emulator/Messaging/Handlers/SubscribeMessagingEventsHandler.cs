using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.SubscribeMessagingEvents</c>: sends the dialog's history from fromSeq, then live events.</summary>
internal sealed class SubscribeMessagingEventsHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["ms.SubscribeMessagingEvents"];

    public string ResponseType => ResponseTypes.GenericSubscribe;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var (dialogId, fromSeq) = HistoryRequest.Read(context);

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // Closed dialogs can be subscribed too: that is how a client reads history.
            var dialog = consumer.FindDialog(dialogId);
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
