using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The API reference's Subscribe to Messaging Events page and ms/subscribeMessagingEvents.json.</summary>
public sealed class SubscribeMessagingEventsReferenceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Sample = """{"type":"ms.SubscribeMessagingEvents","id":"2SA2","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"}}""";

    [Fact]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.SubscribeEvents + " §Request")]
    [Documented("GenericSubscribeResponse", MessagingSources.SubscribeEvents + " §Response")]
    [Documented("GenericSubscribeResponse", MessagingSources.GenericSubscribe)]
    [Documented("ms.MessagingEventNotification", MessagingSources.SubscribeEvents + " §Notification")]
    public async Task Should_answer_then_send_the_history_in_one_notification()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        var first = await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "one"));
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "two"));

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.SubscribeEvents, Sample).With("__YOUR_CONVERSATION_ID__", dialogId));
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        response.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");
        ((string?)response["reqId"]).Should().Be("2SA2");
        ((int)response["code"]!).Should().Be(200);
        ((string?)response["type"]).Should().Be("GenericSubscribeResponse");
        response["body"]!.Type.Should().Be(JTokenType.Object);
        var frames = client.Frames.ToList();
        frames.IndexOf(history).Should().BeGreaterThan(frames.IndexOf(response), "the response comes first");
        var messages = ((JArray)history["body"]!["changes"]!).Where(c => (string?)c["originatorMetadata"]?["role"] == "CONSUMER").ToList();
        messages.Select(c => (string?)c["event"]!["message"]).Should().Equal("one", "two");
        ((int)messages[0]["sequence"]!).Should().Be((int)first["body"]!["sequence"]!);
        foreach (var change in history["body"]!["changes"]!)
        {
            change["sequence"]!.Type.Should().Be(JTokenType.Integer);
            change["originatorId"]!.Type.Should().Be(JTokenType.String);
            change["serverTimestamp"]!.Type.Should().Be(JTokenType.Integer);
            change["event"]!.Type.Should().Be(JTokenType.Object);
            ((string?)change["dialogId"]).Should().Be(dialogId);
        }
    }

    [Theory]
    [InlineData("99999999999999999999999")]
    [InlineData("2147483648")]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.SubscribeMessagingEvents + " (fromSeq: integer, \"greater or equal\")")]
    public async Task Should_answer_a_fromSeq_past_every_event_with_an_empty_history(string fromSeq)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "one"));

        await client.SendAsync($$$$"""{"kind":"req","id":"big","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"{{{{dialogId}}}}","fromSeq":{{{{fromSeq}}}}}}""");
        var response = await client.NextAsync(f => (string?)f["reqId"] == "big");
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        ((int)response["code"]!).Should().Be(200, response["body"]!.ToString());
        ((JArray)history["body"]!["changes"]!).Should().BeEmpty();
    }

    [Theory]
    [InlineData("0.5", "body.fromSeq: expected an integer, found a number")]
    [InlineData("\"0\"", "body.fromSeq: expected an integer, found a string")]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.SubscribeMessagingEvents + " (fromSeq: integer)")]
    public async Task Should_refuse_a_fromSeq_that_is_not_an_integer_with_the_request_id(string fromSeq, string expected)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        await client.SendAsync($$$$"""{"kind":"req","id":"bad","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"{{{{dialogId}}}}","fromSeq":{{{{fromSeq}}}}}}""");
        var response = await client.NextAsync(f => (string?)f["kind"] == "resp");

        ((string?)response["reqId"]).Should().Be("bad");
        ((int)response["code"]!).Should().Be(400);
        ((string?)response["type"]).Should().Be("GenericSubscribeResponse");
        ((string?)response["body"]).Should().Be(expected);
    }

    [Theory]
    [InlineData("-1", 1)]
    [InlineData("1e30", 0)]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.SubscribeMessagingEvents + " (fromSeq: an integer, 'greater or equal to this value', no minimum)")]
    public async Task Should_take_any_integer_fromSeq_as_where_the_history_starts(string fromSeq, int events)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "hi"));

        await client.SendAsync($$$$"""{"kind":"req","id":"any","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"{{{{dialogId}}}}","fromSeq":{{{{fromSeq}}}}}}""");
        var response = await client.NextAsync(f => (string?)f["reqId"] == "any");
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        ((int)response["code"]!).Should().Be(200, response["body"]!.ToString());
        ((JArray)history["body"]!["changes"]!).Where(c => (string?)c["originatorMetadata"]?["role"] == "CONSUMER").Should().HaveCount(events);
    }

    [Fact]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.SubscribeMessagingEvents + " (dialogId required)")]
    public async Task Should_refuse_a_subscription_without_a_dialog_and_to_another_consumers_dialog()
    {
        await using var owner = await emulator.NewConsumerAsync();
        var dialogId = await owner.OpenConversationAsync();
        await using var other = await emulator.NewConsumerAsync();

        var missing = await other.RequestAsync("ms.SubscribeMessagingEvents", new { fromSeq = 0 });
        var foreign = await other.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));

        ((int)missing["code"]!).Should().Be(400);
        ((string?)missing["body"]).Should().Be("body.dialogId: missing (required)");
        ((int)foreign["code"]!).Should().Be(404);
    }

    [Fact]
    [Documented("ms.SubscribeMessagingEvents", MessagingSources.ProtocolOverview + " §Continue an existing conversation (\"subscribe only to the last messages sequence\")")]
    public async Task Should_send_only_the_events_from_fromSeq_on()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "zero"));
        await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "ACCEPT", sequenceList = new[] { 0 } } });
        var third = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { 0 } } });
        var from = (int)third["body"]!["sequence"]!;

        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId, from));
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        var changes = (JArray)history["body"]!["changes"]!;
        changes.Should().NotBeEmpty().And.OnlyContain(c => (int)c["sequence"]! >= from);
        changes.Should().Contain(c => (int)c["sequence"]! == from && (string?)c["event"]!["status"] == "READ");
    }
}
