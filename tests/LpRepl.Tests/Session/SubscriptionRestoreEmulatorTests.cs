using LpRepl.Repl;
using LpRepl.Session;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Session;

/// <summary>
/// The ledger's restore frames and the deduplicator against the real emulator: the frames are
/// accepted as LivePerson's shapes, a restore replays nothing already seen, and a manual
/// re-subscription from 0 is dropped whole.
/// </summary>
// An agent that answers by itself would add events after the test has looked, so this one stays silent.
public sealed class SubscriptionRestoreEmulatorTests(ManualAgentEmulatorFixture emulator) : IClassFixture<ManualAgentEmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly SubscriptionLedger _ledger = new();
    private readonly EventDeduplicator _dedup = new();
    private long _observed;

    [Fact]
    public async Task Should_restore_both_subscriptions_after_a_reconnect_and_show_no_event_twice()
    {
        // Given a conversation with events and both kinds of subscription
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var script = new ScriptedLines("signup", "connect", "request-conversation", "subscribe-messages", "subscribe-conversations", "publish text=one", "publish text=two");
        script.End();
        (await new ReplLoop(session, script, ReplMode.Script, "t.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout)).Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var dialog = session.Variables["conversationId"]!;
        // The consumer's own publishes are echoed as events: wait for the second one.
        await Next(session, f => IsNotification(f) && f.ToString().Contains("\"two\""));
        foreach (var sent in output.Sent)
        {
            _ledger.ObserveRequest(JObject.Parse(sent));
        }
        Observe(session);
        _ledger.Dialogs.Should().Equal(dialog);
        _ledger.ExConversationsCount.Should().Be(1);
        var last = session.Sequences.Last(dialog);
        last.Should().BeGreaterThanOrEqualTo(1);

        // When the socket is opened again and the restore frames sent
        // The script's end closed the socket, as a drop would.
        session.Transport.IsOpen.Should().BeFalse();
        (await session.ExecuteAsync("connect", CancellationToken.None)).Should().Be(LineResult.Ok);
        var n = 0;
        var restore = _ledger.RestoreFrames(session.Sequences.Last, () => $"restore-{++n}");
        foreach (var frame in restore)
        {
            (await session.SendCheckedAsync(frame.Frame, CancellationToken.None)).Should().Be(LineResult.Ok);
        }

        // Then the server accepts each, the dialog is asked from one past the last sequence, and nothing comes twice
        foreach (var frame in restore)
        {
            var answer = await Next(session, f => (string?)f["reqId"] == frame.Id);
            ((int)answer["code"]!).Should().Be(200, answer.ToString());
        }
        ((long)JObject.Parse(restore[0].Frame)["body"]!["fromSeq"]!).Should().Be(last + 1);
        Observe(session);
        _ledger.ExConversationsCount.Should().Be(1, "the restored subscription replaced the old one");

        // And a manual re-subscription from 0 replays only what was already shown
        var again = await SendAndAnswer(session, $$$"""{"kind":"req","id":"again","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"{{{dialog}}}","fromSeq":0}}""");
        var replay = await Next(session, f => IsNotification(f), after: again);
        var result = _dedup.Filter(replay);
        result.Outcome.Should().Be(DeduplicationOutcome.Dropped);
        result.Skipped.Should().Be(((JArray)replay["body"]!["changes"]!).Count).And.BeGreaterThan((int)last!.Value, "events 0..last were shown before the drop, and the agent may have added more since");
    }

    private async Task<long> SendAndAnswer(ReplSession session, string frame)
    {
        (await session.SendCheckedAsync(frame, CancellationToken.None)).Should().Be(LineResult.Ok);
        var id = (string)JObject.Parse(frame)["id"]!;
        var match = await session.Inbound.WaitAsync(f => (string?)f.Frame["reqId"] == id, 0, Timeout, CancellationToken.None);
        match.Frame.Should().NotBeNull();
        return match.Index;
    }

    private static async Task<JObject> Next(ReplSession session, Func<JObject, bool> match, long after = -1, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(match))] string what = "")
    {
        var found = await session.Inbound.WaitAsync(f => f.Index > after && match(f.Frame), 0, Timeout, CancellationToken.None);
        found.Frame.Should().NotBeNull("a frame {0} came; got {1}", what, string.Join("\n", session.Inbound.Tail(30)));
        return found.Frame!;
    }

    private static bool IsNotification(JObject frame) => (string?)frame["type"] == "ms.MessagingEventNotification";

    // Passes every frame not yet seen through the ledger and the deduplicator, as the session will.
    private void Observe(ReplSession session)
    {
        foreach (var frame in session.Inbound.Tail(InboundLog.MaxFrames).Skip((int)_observed))
        {
            _observed++;
            _ledger.ObserveResponse(frame);
            var result = _dedup.Filter(frame);
            result.Outcome.Should().NotBe(DeduplicationOutcome.Dropped, "no event arrived twice before the manual replay: {0}", frame);
            result.Skipped.Should().Be(0);
        }
    }
}
