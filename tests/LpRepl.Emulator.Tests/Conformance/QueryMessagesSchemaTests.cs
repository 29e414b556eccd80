using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>.ams.ms.QueryMessages (ms/queryMessages.json): a dialog's events from fromSeq, pulled once.</summary>
public sealed class QueryMessagesSchemaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    [Documented(".ams.ms.QueryMessages", MessagingSources.QueryMessages)]
    public async Task Should_answer_the_events_from_fromSeq_without_subscribing()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "zero"));
        await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { 0 } } });

        var all = await client.RequestAsync(".ams.ms.QueryMessages", new { dialogId });
        var fromOne = await client.RequestAsync(".ams.ms.QueryMessages", new { dialogId, fromSeq = 1 });

        ((int)all["code"]!).Should().Be(200);
        ((string?)all["type"]).Should().Be(".ams.ms.QueryMessages$Response");
        var events = ((JArray)all["body"]!).Cast<JObject>().Where(c => (string?)c["originatorMetadata"]!["role"] == "CONSUMER").ToList();
        events.Select(c => (string?)c["event"]!["type"]).Should().Equal("ContentEvent", "AcceptStatusEvent");
        events.Should().OnlyContain(c => (string?)c["dialogId"] == dialogId && c["sequence"]!.Type == JTokenType.Integer && c["serverTimestamp"]!.Type == JTokenType.Integer);
        ((JArray)fromOne["body"]!).Should().OnlyContain(c => (int)c["sequence"]! >= 1);
        client.Frames.Should().NotContain(f => (string?)f["type"] == "ms.MessagingEventNotification", "a query is no subscription");
    }

    [Fact]
    [Documented(".ams.ms.QueryMessages", MessagingSources.QueryMessages + " (dialogId required, fromSeq integer)")]
    public async Task Should_refuse_a_query_without_a_dialog_or_with_a_bad_fromSeq()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var missing = await client.RequestAsync(".ams.ms.QueryMessages", new { fromSeq = 0 });
        var text = await client.RequestAsync(".ams.ms.QueryMessages", new { dialogId, fromSeq = "0" });
        var unknown = await client.RequestAsync(".ams.ms.QueryMessages", new { dialogId = "nobody's" });

        ((int)missing["code"]!).Should().Be(400);
        ((string?)missing["body"]).Should().Be("body.dialogId: missing (required)");
        ((int)text["code"]!).Should().Be(400);
        ((string?)text["body"]).Should().Be("body.fromSeq: expected an integer, found a string");
        ((int)unknown["code"]!).Should().Be(404);
    }

    [Fact]
    [Documented(".ams.ms.QueryMessages", MessagingSources.QueryMessages + " (fromSeq: an integer, no minimum)")]
    public async Task Should_read_a_negative_fromSeq_as_every_event()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "hi"));

        var negative = await client.RequestAsync(".ams.ms.QueryMessages", new { dialogId, fromSeq = -1 });

        ((int)negative["code"]!).Should().Be(200, negative["body"]!.ToString());
        ((JArray)negative["body"]!).Should().NotBeEmpty("events with a sequence of at least -1 are all of them");
    }
}
