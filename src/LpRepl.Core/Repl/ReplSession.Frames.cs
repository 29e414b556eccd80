using LpRepl.Frames;
using LpRepl.Repl.Reconnection;
using LpRepl.Security;
using LpRepl.Session;
using LpRepl.Templating;
using LpRepl.Transport;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    private const string ConversationPlaceholder = "__YOUR_CONVERSATION_ID__";

    /// <summary>
    /// Expands, validates and sends one raw frame. Nothing is sent unless the final text is a
    /// valid JSON object and the socket is open.
    /// </summary>
    public async Task<LineResult> SendFrameAsync(string text, CancellationToken ct)
    {
        if (text.Contains(ConversationPlaceholder, StringComparison.Ordinal))
        {
            var hint = Variables["conversationId"] is null
                ? "request a conversation first, then write {{conversationId}} there"
                : "write {{conversationId}} there instead; LpRepl fills it in";
            return LineResult.Fail($"the frame still holds the tutorial's placeholder {ConversationPlaceholder}: {hint}. Nothing was sent.");
        }
        if (InlineTemplate.NeedsExpansion(text))
        {
            var expansion = InlineTemplate.Expand(text, Variables);
            if (expansion.Error is not null)
            {
                return LineResult.Fail($"{expansion.Error}\nNothing was sent.");
            }
            text = expansion.Text!;
        }
        return await SendCheckedAsync(text, ct);
    }

    /// <summary>
    /// The one way a frame leaves: every sender (raw frames, templates, replayed transcripts, InitConnection)
    /// comes through here, and only text that is one strictly valid JSON object goes on to the socket.
    /// </summary>
    internal async Task<LineResult> SendCheckedAsync(string text, CancellationToken ct, bool own = false, bool dequeued = false, bool again = false)
    {
        var validation = JsonFrameValidator.Validate(text);
        if (!validation.IsValid)
        {
            return LineResult.Fail(
                $"invalid JSON at line {validation.Line}, column {validation.Column}: {validation.Error}\n{validation.Pointer(text)}\nNothing was sent.");
        }
        var info = FrameInfo.From(validation.Frame!);
        // Checked once, as typed: LpRepl's own frames (keep-alive, restores, InitConnection) and frames coming
        // back from the queue or a retry were never the user's to fix.
        if (!own && !dequeued && !again && Lint(validation.Frame!, info) is { } refused)
        {
            return refused;
        }
        if (!own && InScript && !Transport.IsOpen)
        {
            // Unattended, the next line waits for the socket being restored rather than fail on a blip.
            await Supervisor.WhenSettledAsync(ScriptLinkWait, ct);
        }
        if (!own && !dequeued && WhileDown(text) is { } down)
        {
            return down;
        }
        if ((own || dequeued) && !Transport.IsOpen)
        {
            return NotConnected();
        }
        PendingRequest? pending = null;
        if (info.IsRequest && info.Id is not null)
        {
            Subscriptions.ObserveRequest(validation.Frame!);
            Publishes.ObserveRequest(validation.Frame!);
            pending = Pending.Add(info.Id, info.Type, own, own ? 0 : SourceLine);
            Ids.MarkUsed(info.Id);
        }
        // Shown and recorded before it goes, so its answer can never be printed first.
        LogFrame('>', text);
        Output.Frame(FrameDirection.Outbound, text, tag: new FrameTag(Recent.Add(FrameDirection.Outbound, text)));
        Recorder?.Write(FrameDirection.Outbound, text);
        try
        {
            await Transport.SendAsync(text, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The socket broke under the send: the frame did not leave whole, so the server cannot have acted on it.
            if (info.Id is not null)
            {
                Pending.Remove(info.Id);
            }
            if (!own && !dequeued && !again && await DropNoticedAsync() && Supervisor.State == LinkState.Reconnecting)
            {
                // Not sent, so not sent twice: it takes the path of a frame typed while reconnecting (wait, queue or refuse).
                return await SendCheckedAsync(text, ct, again: true);
            }
            return LineResult.Fail($"the frame above was not sent: {(e is OperationCanceledException ? "the connection dropped" : e.Message)}");
        }
        if (pending is not null && Pending.Sent(pending) && !InScript)
        {
            Output.Info($"{pending.Type ?? "request"} id {pending.Id} was sent before the connection dropped; not retried");
        }
        CountOut();
        return LineResult.Ok;
    }

    private void OnFrameReceived(string text)
    {
        Interlocked.Increment(ref _framesIn);
        LogFrame('<', text);
        JObject? frame;
        try
        {
            frame = InboundFrameParser.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // A server's bad frame is shown as it came and never ends the session.
            Recorder?.Write(FrameDirection.Inbound, text);
            Output.Frame(FrameDirection.Inbound, text, "not valid JSON", new FrameTag(Recent.Add(FrameDirection.Inbound, text)));
            return;
        }
        // Events replayed by a re-subscription (a reconnect's, or the user's from 0) are shown once: the screen and
        // a transcript get the frame without what was seen, or nothing. A wait still sees the frame as it came,
        // since a script that re-subscribes from N does so to read those events again.
        var seen = Events.Filter(frame);
        var shown = seen.Outcome switch
        {
            DeduplicationOutcome.Dropped => null,
            DeduplicationOutcome.Rewritten => seen.Text,
            _ => text,
        };
        if (shown is not null)
        {
            Recorder?.Write(FrameDirection.Inbound, shown);
        }
        var info = FrameInfo.From(frame);
        var request = info.IsResponse && info.ReqId is not null ? Pending.Find(info.ReqId) : null;
        if (info.IsResponse)
        {
            Subscriptions.ObserveResponse(frame);
        }
        try
        {
            var note = request is null ? null : $"{request.Type ?? "request"} {info.ReqId} · {request.Elapsed.TotalMilliseconds:0} ms";
            if (shown is null)
            {
                Output.Info($"{seen.Skipped} already-seen event(s) not shown again (same dialog and sequence)");
            }
            else
            {
                var tag = new FrameTag(Recent.Add(FrameDirection.Inbound, shown), request?.Type, request?.Id, request?.Elapsed);
                Output.Frame(FrameDirection.Inbound, shown, seen.Skipped > 0 ? $"{seen.Skipped} already-seen event(s) left out" : note, tag);
            }
            InboundCaptures.Apply(frame, info, Variables, Output);
            if (Publishes.OnResponse(info, Subscriptions.Dialogs) is { } unseen)
            {
                Output.Info(unseen);
            }
            InboundCaptures.TrackSequences(frame, info, Sequences);
            Conversations.Observe(Variables["conversationId"]);
        }
        finally
        {
            // Only now is the frame done: a script line waiting on this answer or a wait on this frame
            // must already see what it captured (conversationId for the next line's {{conversationId}}).
            var index = Inbound.Add(frame, text, Connection);
            if (request is not null)
            {
                if (info.Code >= 400 && request.Own)
                {
                    Output.Info($"the session's own {request.Type} (id {request.Id}) was refused: {info.Code} {Reason(frame)}");
                }
                else if (info.Code >= 400)
                {
                    // Noted before the request completes, so the script line waiting on it sees the refusal.
                    Pending.Refused(new RefusedRequest(request, info.Code.Value, Reason(frame), index, info.Type));
                }
                Pending.Complete(info.ReqId!);
            }
        }
    }

    // Redacting scans the whole frame: only for a log that keeps it (debug), not for every frame of every session.
    private void LogFrame(char marker, string text)
    {
        if (Log.IsEnabled(Serilog.Events.LogEventLevel.Debug))
        {
            Log.Debug(marker == '>' ? "> {Frame}" : "< {Frame}", SecretRedactor.Redact(text));
        }
    }

    private void OnDisconnected(Disconnection end)
    {
        var abandoned = Pending.AbandonAll().Where(a => !a.Own).ToList();
        if (end.Reason != DisconnectReason.ByUser)
        {
            // Said once per drop, with what follows; the supervisor then works quietly (status shows it).
            var next = end.CloseCode is 4401 or 4407 ? ""
                : Supervisor.Policy.Enabled ? "; reconnecting"
                : "; not reconnecting (--no-reconnect): 'connect' opens it again";
            Output.Info(end + next);
        }
        // LpRepl cannot know whether the server acted on it, so it is never sent twice. A script says it once, in the
        // error of the line waiting on it.
        foreach (var request in InScript ? [] : abandoned)
        {
            Output.Info($"{request.Type ?? "request"} id {request.Id} was sent before the connection dropped; not retried");
        }
        Supervisor.Dropped(end);
        Volatile.Read(ref _dropNoticed).TrySetResult();
    }

    // What a refusal's body says, short: a string body as is, else the compact JSON.
    private static string? Reason(JObject frame) => frame["body"] switch
    {
        null => null,
        JValue { Type: JTokenType.String } value => Shorten((string)value!),
        var body => Shorten(body.ToString(Newtonsoft.Json.Formatting.None)),
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
