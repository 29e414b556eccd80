using System.Collections.Concurrent;
using LpRepl.Commands;
using LpRepl.Protocol;
using LpRepl.Repl.Reconnection;
using LpRepl.Transport;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    /// <summary>Frames held while reconnecting with <c>--queue</c>: bounded, as a frame loop must not fill memory.</summary>
    public const int MaxQueued = 1_000;

    private readonly ConcurrentQueue<string> _queued = new();
    private TaskCompletionSource<LinkEnd> _linkEnded = NewLinkEnded();
    private TaskCompletionSource _dropNoticed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How the user last opened the socket, for a reconnect to repeat.</summary>
    public ConnectPlan? Plan { get; private set; }

    /// <summary>Completes when the current connection's link is down for good (given up, refused, or closed by the user).</summary>
    public Task<LinkEnd> LinkEnded => Volatile.Read(ref _linkEnded).Task;

    /// <summary>Why the link last went down for good, if it did since the last <c>connect</c>.</summary>
    public LinkEnd? LastLinkEnd => LinkEnded.IsCompleted ? LinkEnded.Result : null;

    public int QueuedFrames => _queued.Count;

    /// <summary>How long a script's frame waits for a socket being restored before it fails: lockstep includes the link.</summary>
    public static readonly TimeSpan ScriptLinkWait = TimeSpan.FromSeconds(30);

    /// <summary>True while a script runs: its frames wait for a reconnect under way instead of failing at once.</summary>
    public bool InScript { get; set; }

    /// <summary>Closes the socket on purpose (<c>disconnect</c>, the end of a script): no reconnect follows.</summary>
    public async Task DisconnectAsync(CancellationToken ct)
    {
        await Supervisor.StopAsync();
        await Transport.CloseAsync(ct);
        DropQueued("the session disconnected");
        EndLink(new LinkEnd("the socket was closed ('disconnect')", ExitCodes.ScriptFailed, Failure: false));
    }

    internal void EndLink(LinkEnd end)
    {
        if (Volatile.Read(ref _linkEnded).TrySetResult(end) && end.Failure)
        {
            DropQueued(end.Reason);
        }
    }

    // A send that broke tells of a drop the receive loop reports a moment later: wait for that (briefly), so the
    // frame can take the reconnecting path.
    internal async Task<bool> DropNoticedAsync()
    {
        var noticed = Volatile.Read(ref _dropNoticed).Task;
        await Task.WhenAny(noticed, Task.Delay(TimeSpan.FromSeconds(2)));
        return noticed.IsCompleted;
    }

    /// <summary>Opens the socket again as <see cref="Plan"/> says, with the token the session holds now.</summary>
    internal async Task ReopenAsync(CancellationToken ct)
    {
        var plan = Plan ?? throw new InvalidOperationException("there is no connection to restore");
        var request = Rebuild(plan);
        await Transport.ConnectAsync(request, ct);
        Volatile.Write(ref _dropNoticed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        OpenTarget = ConnectCommand.Target(request, plan.Init ? Variables["LP_JWT"] : null);
    }

    /// <summary>After a reopen: InitConnection when the plan had it, the subscriptions, then what was queued. Null when all went well.</summary>
    internal async Task<string?> RestoreAsync(CancellationToken ct)
    {
        var plan = Plan!;
        if (plan.Init)
        {
            var props = ClientProperties.Parse(Variables["LP_PROPS"], out _);
            var init = await InitConnection.RunAsync(this, Variables["LP_JWT"] ?? "", props, ct, own: true);
            if (init.Outcome != LineOutcome.Ok)
            {
                return init.Error;
            }
        }
        var restored = await RestoreSubscriptionsAsync(ct);
        var sent = 0;
        while (Transport.IsOpen && _queued.TryPeek(out var frame))
        {
            var result = await SendCheckedAsync(frame, ct, dequeued: true);
            if (result.Outcome != LineOutcome.Ok && !Transport.IsOpen)
            {
                // Dropped again: it stays first in the queue for the next round.
                break;
            }
            _queued.TryDequeue(out _);
            if (result.Outcome != LineOutcome.Ok)
            {
                Output.Error($"a queued frame was not sent: {result.Error}");
                continue;
            }
            sent++;
        }
        var what = new List<string>();
        if (plan.Init)
        {
            what.Add("InitConnection");
        }
        what.AddRange(restored);
        if (sent > 0)
        {
            what.Add($"{sent} queued frame(s) sent");
        }
        Output.Info($"reconnected to {plan.Request.Url.GetLeftPart(UriPartial.Path)}{(what.Count == 0 ? "" : "; " + string.Join(", ", what))}");
        return Transport.IsOpen ? null : "the socket dropped again while it was being restored";
    }

    /// <summary>Renews the identity after 4401/4407 (or HTTP 401 at a reconnect) where that keeps the consumer; else advice.</summary>
    internal Task<RenewalOutcome> RenewIdentityAsync(int code, CancellationToken ct) => TokenRenewal.TryRenewAsync(this, code, ct);

    // A frame typed while the socket is down: queued (--queue), or refused with when the next attempt is.
    private LineResult? WhileDown(string text)
    {
        if (Transport.IsOpen && _queued.IsEmpty)
        {
            return null;
        }
        if (Supervisor.State != LinkState.Reconnecting)
        {
            return Transport.IsOpen ? null : NotConnected();
        }
        if (!Supervisor.Policy.QueueWhileDown)
        {
            return Transport.IsOpen ? null : LineResult.Fail($"not connected: {Supervisor.Describe()}. Nothing was sent (start lprepl with --queue to send such frames once the socket is back).");
        }
        if (_queued.Count >= MaxQueued)
        {
            return LineResult.Fail($"not connected, and {MaxQueued} frames are already queued: nothing was queued. {Supervisor.Describe()}.");
        }
        _queued.Enqueue(text);
        Output.Info($"queued: sent once the socket is back ({_queued.Count} waiting; {Supervisor.Describe()})");
        return LineResult.Ok;
    }

    private LineResult NotConnected() => LastLinkEnd is { } end
        ? LineResult.Fail($"not connected ({end.Reason}). Nothing was sent.", end.ExitCode)
        : LineResult.Fail("not connected: run 'connect' first (after 'signup'). Nothing was sent.");

    private void DropQueued(string why)
    {
        var dropped = 0;
        while (_queued.TryDequeue(out _))
        {
            dropped++;
        }
        if (dropped > 0)
        {
            Output.Info($"{dropped} queued frame(s) were not sent: {why}");
        }
    }

    private ConnectionRequest Rebuild(ConnectPlan plan)
    {
        if (!plan.AuthorizationFromSession || plan.Init || Variables["LP_JWT"] is not { Length: > 0 } jwt)
        {
            return plan.Request;
        }
        var headers = plan.Request.Headers
            .Select(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key, "jwt " + jwt) : h)
            .ToList();
        return plan.Request with { Headers = headers };
    }

    private static TaskCompletionSource<LinkEnd> NewLinkEnded() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
