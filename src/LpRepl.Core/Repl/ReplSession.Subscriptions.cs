using System.Globalization;
using LpRepl.Session;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    /// <summary>What this connection subscribed to, restored after a drop.</summary>
    public SubscriptionLedger Subscriptions { get; } = new();

    /// <summary>Publishes to dialogs not subscribed to, told once each (the agent's answers there would not show).</summary>
    public UnsubscribedPublishes Publishes { get; } = new();

    /// <summary>Messaging events already shown on this connection, by dialog and sequence: each is shown once, however often it is replayed.</summary>
    public EventDeduplicator Events { get; } = new();

    /// <summary>Sends again every subscription this session made; returns what was restored, for the reconnect line.</summary>
    private async Task<IReadOnlyList<string>> RestoreSubscriptionsAsync(CancellationToken ct)
    {
        var frames = Subscriptions.RestoreFrames(Sequences.Last, NextOwnId);
        var restored = new List<string>();
        foreach (var restore in frames)
        {
            Log.Information("{Description}", restore.Description);
            var sent = await SendCheckedAsync(restore.Frame, ct, own: true);
            if (sent.Outcome != LineOutcome.Ok)
            {
                // The socket dropped again: the next round restores from what has been seen by then.
                break;
            }
            restored.Add(restore.What);
        }
        return restored.Count == 0 ? [] : [$"subscribed again to {string.Join(" and ", restored)}"];
    }

    private string NextOwnId()
    {
        var id = Ids.Peek().ToString(CultureInfo.InvariantCulture);
        Ids.MarkUsed(id);
        return id;
    }
}
