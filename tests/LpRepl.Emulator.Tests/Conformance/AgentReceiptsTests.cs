using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>"The same events are published by the agent side": the automatic agent's ACCEPT and READ of the consumer's messages.</summary>
public sealed class AgentReceiptsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    [Documented("ms.MessagingEventNotification/AcceptStatusEvent", MessagingSources.ReadAccept + " (introduction: \"The same events are published by the agent side\")")]
    [Documented("ms.MessagingEventNotification/AcceptStatusEvent", MessagingSources.ProtocolOverview + " §Continue an existing conversation (Read/Accept events)")]
    [Documented("ms.MessagingEventNotification/AcceptStatusEvent", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/post-conversation-survey-pcs.md §Step 8 (accepted: the next sequence; read: later)")]
    [Documented("ms.MessagingEventNotification/AcceptStatusEvent", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/legacy-post-conversation-survey-pcs.md §Step 8 (accepted: the next sequence; read: later)")]
    public async Task Should_accept_each_consumer_message_at_once_and_read_it_after_answering()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await DocumentedConversation.OpenAsync(client, MessagingSources.ReadAccept + " §Step 1");
        await DocumentedConversation.SubscribeAsync(client, dialogId);

        var published = await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "hello"));
        var sequence = (int)published["body"]!["sequence"]!;
        var answer = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "ContentEvent");
        var accept = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "AcceptStatusEvent", c => (string?)c["event"]!["status"] == "ACCEPT");
        var read = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "AcceptStatusEvent", c => (string?)c["event"]!["status"] == "READ");

        var frames = client.Frames.ToList();
        frames.IndexOf(accept).Should().BeLessThan(frames.IndexOf(answer), "the tutorials' agent accepts a message as it is delivered");
        frames.IndexOf(answer).Should().BeLessThan(frames.IndexOf(read), "and reads it later");
        ((int)FrameMatch.FirstChange(accept)["sequence"]!).Should().Be(sequence + 1, "the message's sequence 3 is accepted with 4 in the tutorials");
        foreach (var receipt in new[] { accept, read })
        {
            var change = FrameMatch.FirstChange(receipt);
            ((JArray)change["event"]!["sequenceList"]!).Select(s => (int)s).Should().Equal(sequence);
            change["sequence"]!.Type.Should().Be(JTokenType.Integer, "a receipt takes a sequence");
            change["serverTimestamp"]!.Type.Should().Be(JTokenType.Integer);
            ((string?)change["originatorId"]).Should().Be((string?)FrameMatch.FirstChange(answer)["originatorId"]);
        }

        ((int)FrameMatch.FirstChange(read)["sequence"]!).Should().Be((int)FrameMatch.FirstChange(answer)["sequence"]! + 1);
    }

    [Fact]
    [Documented("ms.MessagingEventNotification/AcceptStatusEvent", MessagingSources.ReadAccept + " (introduction)")]
    public async Task Should_not_acknowledge_the_consumers_own_receipts_or_chat_states()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));

        await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "ChatStateEvent", chatState = "COMPOSING" } });
        await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { 0 } } });
        var text = await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "now a text"));
        var read = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "AcceptStatusEvent", c => (string?)c["event"]!["status"] == "READ");

        // The first READ the agent sends is for the text: nothing else was acknowledged before it.
        ((JArray)FrameMatch.FirstChange(read)["event"]!["sequenceList"]!).Select(s => (int)s).Should().Equal((int)text["body"]!["sequence"]!);
        client.Frames.Count(f => (string?)f.SelectToken("body.changes[0].originatorMetadata.role") == "ASSIGNED_AGENT" && (string?)f.SelectToken("body.changes[0].event.status") == "ACCEPT").Should().Be(1);
    }
}
