using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Read and Accept Events tutorial: the consumer's receipts for an agent line, and the agent's for the consumer's.</summary>
public sealed class ReadAcceptTutorialTests(ManualAgentEmulator emulator) : IClassFixture<ManualAgentEmulator>
{
    private const string Accept = """{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "ACCEPT", "sequenceList" : [ __SEQUENCE__ ]}}}""";
    private const string Read = """{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "READ", "sequenceList" : [ __SEQUENCE__ ]}}}""";

    [Fact]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.ReadAccept + " §Step 3 (ACCEPT)")]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.ReadAccept + " §Step 3 (READ)")]
    [Documented("ms.MessagingEventNotification", MessagingSources.ReadAccept + " §Step 2 (the agent line)")]
    [Documented("ms.PublishEventResponse", MessagingSources.PublishEventSuccess + " (\"content and read receipt events get a sequential ID\")")]
    public async Task Should_take_the_tutorials_accept_and_read_receipts_for_an_agent_line()
    {
        await using var client = await emulator.NewConsumerAsync();
        var conversationId = await DocumentedConversation.OpenAsync(client, MessagingSources.ReadAccept + " §Step 1");
        // The page shows the agent's line without a subscription; the emulator needs one (docs/emulator.md, "No implicit subscription").
        await DocumentedConversation.SubscribeAsync(client, conversationId);
        emulator.Server.AgentSeat.Accept(emulator.Account, conversationId).Ok.Should().BeTrue();
        emulator.Server.AgentSeat.Say(emulator.Account, conversationId, "some agent text").Ok.Should().BeTrue();
        var line = FrameMatch.FirstChange(await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "ContentEvent"));
        var dialogId = (string)line["dialogId"]!;
        var sequence = ((int)line["sequence"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var accepted = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.ReadAccept + " §Step 3", Accept).With("__DIALOG_ID__", dialogId).With("__SEQUENCE__", sequence));
        var acceptEcho = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "AcceptStatusEvent");
        var read = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.ReadAccept + " §Step 3", Read).With("__DIALOG_ID__", dialogId).With("__SEQUENCE__", sequence));
        var readEcho = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "AcceptStatusEvent");

        ((string?)line["event"]!["message"]).Should().Be("some agent text");
        foreach (var (response, echo, status) in new[] { (accepted, acceptEcho, "ACCEPT"), (read, readEcho, "READ") })
        {
            ((string?)response["reqId"]).Should().Be("2");
            ((int)response["code"]!).Should().Be(200);
            ((string?)response["type"]).Should().Be("ms.PublishEventResponse");
            var change = FrameMatch.FirstChange(echo);
            ((int)change["sequence"]!).Should().Be((int)response["body"]!["sequence"]!);
            JToken.DeepEquals(change["event"], JObject.Parse($$$$"""{"type":"AcceptStatusEvent","status":"{{{{status}}}}","sequenceList":[{{{{sequence}}}}]}""")).Should().BeTrue(change["event"]!.ToString());
        }

        ((int)read["body"]!["sequence"]!).Should().Be((int)accepted["body"]!["sequence"]! + 1);
    }

    [Theory]
    [InlineData("ACCESS")]
    [InlineData("NACK")]
    [InlineData("ACTION")]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.AcceptStatusEvent + " (status enum)")]
    public async Task Should_take_every_documented_status(string status)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status, sequenceList = new[] { 0 } } });

        ((int)response["code"]!).Should().Be(200);
    }

    [Fact]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.AcceptStatusEvent + " (sequenceList: integers, nothing said of which)")]
    public async Task Should_take_and_pass_on_a_receipt_for_a_sequence_the_dialog_does_not_hold()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await DocumentedConversation.OpenAsync(client, MessagingSources.ReadAccept + " §Step 1");
        await DocumentedConversation.SubscribeAsync(client, dialogId);

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.ReadAccept + " §Step 3", Read).With("__DIALOG_ID__", dialogId).With("__SEQUENCE__", "999"));
        var echo = FrameMatch.FirstChange(await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "AcceptStatusEvent"));

        // The schema and the tutorials are silent on a sequence nobody published: taken as sent (docs/emulator.md).
        ((int)response.ShouldBeResponse("2", 200, "ms.PublishEventResponse")["sequence"]!).Should().Be(0, "the receipt is the dialog's first event");
        echo["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":[999]}");
    }

    [Theory]
    [InlineData("""{"type":"AcceptStatusEvent","status":"SEEN","sequenceList":[0]}""", "body.event.status: \"SEEN\" is not one of ACCEPT, READ, ACCESS, NACK, ACTION")]
    [InlineData("""{"type":"AcceptStatusEvent","status":"READ"}""", "body.event.sequenceList: missing (required)")]
    [InlineData("""{"type":"AcceptStatusEvent","status":"READ","sequenceList":[1.5]}""", "body.event.sequenceList[0]: expected an integer, found a number")]
    [InlineData("""{"type":"AcceptStatusEvent","status":"READ","sequenceList":[-1]}""", "body.event.sequenceList[0]: -1 is below the minimum, 0")]
    [InlineData("""{"type":"AcceptStatusEvent","status":"READ","sequenceList":[99999999999999999999999]}""", "body.event.sequenceList: 99999999999999999999999 is beyond any sequence the emulator hands out (at most 2147483647)")]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.AcceptStatusEvent + " (type, status, sequenceList of integers required)")]
    public async Task Should_refuse_a_receipt_the_schema_excludes(string eventJson, string expected)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new JObject { ["dialogId"] = dialogId, ["event"] = JObject.Parse(eventJson) });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }
}
