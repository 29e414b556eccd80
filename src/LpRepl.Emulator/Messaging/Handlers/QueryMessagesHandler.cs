using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>
/// <c>.ams.ms.QueryMessages</c> (ms/queryMessages.json, "going to be deprecated"): a dialog's events
/// from fromSeq, once, in the response — no subscription, no notification.
/// </summary>
internal sealed class QueryMessagesHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = [".ams.ms.QueryMessages"];

    public string ResponseType => ResponseTypes.QueryMessages;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var (dialogId, fromSeq) = HistoryRequest.Read(context);

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            // As for a subscription: another consumer's dialog looks like none at all.
            if (consumer.FindDialog(dialogId) is not { } dialog)
            {
                context.Fail(404, "Dialog not found");
                return Task.CompletedTask;
            }

            context.Ok(new JArray(dialog.EventsFrom(fromSeq).Select(e => e.ToChange())));
        }

        return Task.CompletedTask;
    }
}
