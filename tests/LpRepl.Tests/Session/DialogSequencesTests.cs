using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Session;

/// <summary>Receipts default to the agent's last message: the agent's own receipts, which carry sequences too, do not count.</summary>
public sealed class DialogSequencesTests
{
    [Fact]
    public void Should_default_a_receipt_to_the_agents_last_message_not_to_its_receipts()
    {
        // Given the agent's answer (sequence 1), then its ACCEPT and READ of the consumer's message (2 and 3)
        var sequences = new DialogSequences();
        Track(sequences, 0, "CONSUMER", """{"type":"ContentEvent","contentType":"text/plain","message":"hi"}""");
        Track(sequences, 1, "ASSIGNED_AGENT", """{"type":"ContentEvent","contentType":"text/plain","message":"You said: hi"}""");
        Track(sequences, 2, "ASSIGNED_AGENT", """{"type":"AcceptStatusEvent","status":"ACCEPT","sequenceList":[0]}""");
        Track(sequences, 3, "ASSIGNED_AGENT", """{"type":"AcceptStatusEvent","status":"READ","sequenceList":[0]}""");

        // Then
        sequences.LastFromOthers("d1").Should().Be(1, "a receipt acknowledges the agent's message, not its receipts");
        sequences.Last("d1").Should().Be(3, "a re-subscription goes on after everything seen");
    }

    private static void Track(DialogSequences sequences, long sequence, string role, string eventJson)
    {
        var frame = JObject.Parse($$$"""
            {"kind":"notification","type":"ms.MessagingEventNotification","body":{"dialogId":"d1","sequence":{{{sequence}}},
             "changes":[{"sequence":{{{sequence}}},"dialogId":"d1","originatorMetadata":{"id":"x","role":"{{{role}}}"},"event":{{{eventJson}}}}]}}
            """);
        InboundCaptures.TrackSequences(frame, FrameInfo.From(frame), sequences);
    }
}
