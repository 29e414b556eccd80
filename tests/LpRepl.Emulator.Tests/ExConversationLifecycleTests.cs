using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The "Conversation Metadata" tutorial (CMD) plus the CSAT step (PS), over the real socket.</summary>
public sealed class ExConversationLifecycleTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ExConversationLifecycleTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_stream_the_conversation_metadata_from_request_to_csat()
    {
        var jwt = await _emulator.SignupAsync();
        var consumerId = (string)JObject.Parse(Jwt.DecodeText(Jwt.Parts(jwt)[1]))["sub"]!;
        await using var client = await _emulator.ConnectAsync(jwt);

        var subscribed = await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var subscriptionId = (string)subscribed["body"]!["subscriptionId"]!;
        var initial = await client.NextAsync(IsNotification);
        subscribed.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");
        ((string?)subscribed["type"]).Should().Be("cqm.SubscribeExConversationsResponse");
        Guid.TryParse(subscriptionId, out _).Should().BeTrue();
        initial.ToString(Formatting.None).Should().Be(
            "{\"kind\":\"notification\",\"body\":{\"subscriptionId\":\"" + subscriptionId + "\",\"changes\":[]},\"type\":\"cqm.ExConversationChangeNotification\"}");

        var conversationId = await client.OpenConversationAsync();
        var created = await client.NextAsync(Change("UPSERT"));
        var accepted = await client.NextAsync(Change("UPSERT"));

        var result = (JObject)FirstChange(created)["result"]!;
        ((string?)result["convId"]).Should().Be(conversationId);
        var details = Details(created);
        details["participants"]!.ToString(Formatting.None).Should().Be("[{\"id\":\"" + consumerId + "\",\"role\":\"CONSUMER\"}]");
        ((string?)details["state"]).Should().Be("OPEN");
        ((long)details["startTs"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 60_000);
        details["ttr"]!.ToString(Formatting.None).Should().Be("{\"ttrType\":\"PRIORITIZED\",\"value\":600}");
        details.ContainsKey("csat").Should().BeFalse();
        details.ContainsKey("endTs").Should().BeFalse();
        var dialog = (JObject)details["dialogs"]![0]!;
        ((string?)dialog["dialogId"]).Should().Be(conversationId);
        ((string?)dialog["dialogType"]).Should().Be("MAIN");
        ((string?)dialog["state"]).Should().Be("OPEN");
        ((long)result["lastUpdateTime"]!).Should().BeGreaterThanOrEqualTo((long)details["startTs"]!);
        Roles(Details(accepted)).Should().Equal("CONSUMER", "ASSIGNED_AGENT");

        var closed = await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        var closedChange = await client.NextAsync(Change("UPSERT"));
        ((int)closed["code"]!).Should().Be(200);
        var closedDetails = Details(closedChange);
        ((string?)closedDetails["state"]).Should().Be("CLOSE");
        ((string?)closedDetails["closeReason"]).Should().Be("CONSUMER");
        ((long)closedDetails["endTs"]!).Should().BeGreaterThanOrEqualTo((long)closedDetails["startTs"]!);
        ((string?)closedDetails["dialogs"]![0]!["state"]).Should().Be("CLOSE");

        var csat = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, Requests.Csat(rate: 4)));
        var csatChange = await client.NextAsync(Change("UPSERT"));
        csat.ToString(Formatting.None).Should().Be(
            "{\"kind\":\"resp\",\"reqId\":\"" + (string?)csat["reqId"] + "\",\"code\":200,\"body\":\"OK CSAT updated successfully\",\"type\":\"StringResponse\"}");
        var csatDetails = Details(csatChange);
        ((int)csatDetails["csat"]!["csatRate"]!).Should().Be(4);
        ((bool)csatDetails["csat"]!["csatResolutionConfirmation"]!).Should().BeTrue();
        ((string?)csatDetails["csat"]!["status"]).Should().Be("FILLED");
        ((string?)csatDetails["state"]).Should().Be("CLOSE");
        ((string?)csatChange["body"]!["subscriptionId"]).Should().Be(subscriptionId);
    }

    [Fact]
    public async Task Should_send_existing_conversations_in_the_initial_notification()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var first = await client.OpenConversationAsync();
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(first));
        var second = await client.OpenConversationAsync();

        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var all = await client.NextAsync(IsNotification);
        await client.RequestAsync("cqm.SubscribeExConversations", new { convState = "CLOSE" });
        var closedOnly = await client.NextAsync(IsNotification);

        ((JArray)all["body"]!["changes"]!).Select(c => (string?)c["result"]!["convId"]).Should().Equal(first, second);
        ((JArray)all["body"]!["changes"]!).Select(c => (string?)c["type"]).Should().AllBe("UPSERT");
        ((JArray)closedOnly["body"]!["changes"]!).Select(c => (string?)c["result"]!["convId"]).Should().Equal(first);
    }

    [Fact]
    public async Task Should_send_DELETE_when_a_change_takes_a_conversation_out_of_the_filter()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN"));
        await client.NextAsync(IsNotification);
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));

        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        var deleted = await client.NextAsync(Change("DELETE"));
        await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, Requests.Csat()));
        await client.RequestAsync("GetClock");

        FirstChange(deleted).ToString(Formatting.None).Should().Be("{\"type\":\"DELETE\",\"result\":{\"convId\":\"" + conversationId + "\"}}");
        // Once out of the filter, later changes (the CSAT) are not shown at all.
        client.Frames.Where(IsNotification).Should().HaveCount(4);
    }
}
