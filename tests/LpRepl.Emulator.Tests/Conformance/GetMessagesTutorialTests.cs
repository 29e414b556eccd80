using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Get Messages tutorial: the agent writes first, the consumer subscribes from 0 and gets every message, told apart by originatorId.</summary>
public sealed class GetMessagesTutorialTests(ManualAgentEmulator emulator) : IClassFixture<ManualAgentEmulator>
{
    [Fact]
    [Documented("cm.ConsumerRequestConversation", MessagingSources.GetMessages + " §Step 2")]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.GetMessages + " §Step 4")]
    [Documented("ms.MessagingEventNotification", MessagingSources.GetMessages + " §Step 4 (all the existing content)")]
    public async Task Should_get_the_agents_messages_sent_before_the_subscription()
    {
        var jwt = await emulator.SignupAsync();
        var consumerId = (string)Jwt.Payload(jwt)["sub"]!;
        await using var client = await emulator.ConnectAsync(jwt);

        var created = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.GetMessages + " §Step 2", """{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"""));
        var conversationId = (string)created["body"]!["conversationId"]!;
        emulator.Server.AgentSeat.Accept(emulator.Account, conversationId).Ok.Should().BeTrue();
        emulator.Server.AgentSeat.Say(emulator.Account, conversationId, "message from the agent").Ok.Should().BeTrue();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "and one from me"));
        emulator.Server.AgentSeat.Say(emulator.Account, conversationId, "a second one").Ok.Should().BeTrue();
        var subscribe = new DocumentedFrame(MessagingSources.GetMessages + " §Step 4", """{"kind":"req","id":"22","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"},"type":"ms.SubscribeMessagingEvents"}""")
            .With("__YOUR_CONVERSATION_ID__", conversationId);
        var response = await client.SendDocumentedAsync(subscribe);
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        ((string?)created["reqId"]).Should().Be("1");
        ((string?)created["type"]).Should().Be("cm.RequestConversationResponse");
        ((string?)response["reqId"]).Should().Be("22");
        ((int)response["code"]!).Should().Be(200);
        // The tutorial prints .ams.GenericSubscribeResponse without a body, the schema GenericSubscribeResponse (docs/emulator.md).
        ((string?)response["type"]).Should().BeOneOf("GenericSubscribeResponse", ".ams.GenericSubscribeResponse");
        ((string?)history["kind"]).Should().Be("notification");
        var changes = ((JArray)history["body"]!["changes"]!).Cast<JObject>().ToList();
        changes.Select(c => (int)c["sequence"]!).Should().Equal(0, 1, 2);
        changes.Select(c => (string?)c["event"]!["message"]).Should().Equal("message from the agent", "and one from me", "a second one");
        changes.Should().OnlyContain(c => (string?)c["dialogId"] == conversationId && (string?)c["event"]!["type"] == "ContentEvent" && (string?)c["event"]!["contentType"] == "text/plain");
        ((string?)changes[1]["originatorId"]).Should().Be(consumerId, "messages published by you carry your consumerId");
        ((string?)changes[0]["originatorId"]).Should().NotBe(consumerId).And.Be((string?)changes[2]["originatorId"]);
    }

    [Fact]
    [Documented("ms.MessagingEventNotification", MessagingSources.GetMessages + " (\"Keep receiving notifications … new events\")")]
    public async Task Should_then_get_new_agent_messages_as_they_are_published()
    {
        await using var client = await emulator.NewConsumerAsync();
        var conversationId = await DocumentedConversation.OpenAsync(client, MessagingSources.GetMessages + " §Step 2");
        emulator.Server.AgentSeat.Accept(emulator.Account, conversationId).Ok.Should().BeTrue();
        await DocumentedConversation.SubscribeAsync(client, conversationId);

        emulator.Server.AgentSeat.Say(emulator.Account, conversationId, "live").Ok.Should().BeTrue();
        var live = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "ContentEvent");

        var change = FrameMatch.FirstChange(live);
        ((int)change["sequence"]!).Should().Be(0);
        ((string?)change["event"]!["message"]).Should().Be("live");
    }
}
