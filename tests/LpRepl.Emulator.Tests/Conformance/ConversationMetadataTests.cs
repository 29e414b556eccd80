using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Conversation Metadata tutorial and the API reference's cqm pages: subscribe, the UPSERTs of a new, accepted and closed conversation, unsubscribe.</summary>
public sealed class ConversationMetadataTests : IClassFixture<EmulatorFixture>
{
    private const string Tutorial = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/conversation-metadata.md";
    private const string Unsubscribe = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/unsubscribe-from-conversation-metadata.md";
    private const string NotificationSchema = "assets/schema/aam/subscribeExConversationsNotification.json";

    private readonly EmulatorFixture _emulator;

    public ConversationMetadataTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("cqm.SubscribeExConversations", Tutorial + " §Step 1")]
    [Documented("cqm.SubscribeExConversationsResponse", Tutorial + " §Step 1")]
    [Documented("cqm.SubscribeExConversationsResponse", "assets/schema/aam/subscribeExConversationsResp.json")]
    [Documented("cqm.ExConversationChangeNotification", Tutorial + " §Step 2")]
    [Documented("cqm.ExConversationChangeNotification", Tutorial + " §Step 3")]
    [Documented("cqm.ExConversationChangeNotification", NotificationSchema)]
    public async Task Should_follow_the_tutorial_from_subscribe_to_the_agents_acceptance()
    {
        var jwt = await _emulator.SignupAsync();
        var consumerId = (string)Jwt.Payload(jwt)["sub"]!;
        await using var client = await _emulator.ConnectAsync(jwt);

        // Step 1, trailing spaces and all.
        var subscribed = await client.SendDocumentedAsync(new DocumentedFrame(Tutorial + " §Step 1",
            "{\"kind\":\"req\",\"id\":\"33\",\"body\":{\"minLastUpdatedTime\":0,\"convState\":[\"OPEN\",\"CLOSE\"]},\"type\":\"cqm.SubscribeExConversations\"    }"));
        var body = subscribed.ShouldBeResponse("33", 200, "cqm.SubscribeExConversationsResponse");
        body.FieldNames().Should().Equal("subscriptionId");
        var subscriptionId = (string)body["subscriptionId"]!;
        subscriptionId.Length.Should().BeInRange(1, 64);
        var initial = (await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification");
        initial.FieldNames().Should().Equal("subscriptionId", "changes");
        ((JArray)initial["changes"]!).Should().BeEmpty("a new consumer has no conversations yet");

        // Step 2: the response, then an UPSERT with the consumer alone.
        var requested = await client.SendDocumentedAsync(new DocumentedFrame(Tutorial + " §Step 2", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        var conversationId = (string)requested.ShouldBeResponse("1", 200, "cm.RequestConversationResponse")["conversationId"]!;
        var opened = (await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification");
        ShouldBeUpsert(opened, subscriptionId, conversationId, ("CONSUMER", consumerId));

        // Step 3: the agent accepts; the participants now hold the assigned agent too.
        var accepted = (await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification");
        var details = ShouldBeUpsert(accepted, subscriptionId, conversationId, ("CONSUMER", consumerId), ("ASSIGNED_AGENT", null));
        ((string?)details["state"]).Should().Be("OPEN");
    }

    [Fact]
    [Documented("cqm.ExConversationChangeNotification", Tutorial + " §Step 3 (the agent closes)")]
    public async Task Should_notify_the_close_done_by_the_agent()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));

        _emulator.Server.AgentSeat.Close(_emulator.Account, conversationId).Ok.Should().BeTrue();

        var details = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)details["closeReason"]).Should().Be("AGENT");
        ((string?)((JArray)details["dialogs"]!)[0]["closedBy"]).Should().Be("AGENT");
    }

    [Fact]
    [Documented("cqm.UnsubscribeExConversations", Unsubscribe)]
    [Documented("cqm.UnsubscribeExConversations", "assets/schema/aam/unsubscribeExConversations.json")]
    public async Task Should_unsubscribe_with_the_API_references_frame_and_send_no_more_changes()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var subscriptionId = (string)(await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations()))["body"]!["subscriptionId"]!;
        await client.NextAsync(IsNotification);
        var frame = new DocumentedFrame(Unsubscribe, "{\"id\":\"0\",\"type\":\"cqm.UnsubscribeExConversations\",\"body\":{\"subscriptionId\":\"id\"}}");

        var response = await client.SendDocumentedAsync(frame.With("\"subscriptionId\":\"id\"", $"\"subscriptionId\":\"{subscriptionId}\""));
        var again = await client.SendDocumentedAsync(frame.With("\"id\":\"0\"", "\"id\":\"1\""));

        response.ShouldBeStringResponse("0", 200);
        again.ShouldBeStringResponse("1", 404).Should().Be("Subscription not found", "the page's placeholder id names no subscription");
        await client.OpenConversationAsync();
        var clock = await client.RequestAsync("GetClock");
        ((int)clock["code"]!).Should().Be(200);
        client.Frames.Should().NotContain(f => IsNotification(f) && f != client.Frames.First(IsNotification), "no change after the unsubscribe");
    }

    [Fact]
    [Documented("single-element arrays", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Single Element Arrays")]
    [Documented("cqm.SubscribeExConversations", "assets/schema/aam/subscribeExConversations.json (convState: an array of OPEN/CLOSE)")]
    public async Task Should_take_a_single_state_as_the_element_itself()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();

        // The Step 1 frame with its one-element convState sent as the element itself.
        var response = await client.SendDocumentedAsync(new DocumentedFrame(Tutorial + " §Step 1",
            "{\"kind\":\"req\",\"id\":\"33\",\"body\":{\"minLastUpdatedTime\":0,\"convState\":\"OPEN\"},\"type\":\"cqm.SubscribeExConversations\"}"));

        response.ShouldBeResponse("33", 200, "cqm.SubscribeExConversationsResponse");
        var initial = (await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification");
        ((JArray)initial["changes"]!).Select(c => (string?)c["result"]!["convId"]).Should().Equal(conversationId);
    }

    // Checks one UPSERT change field by field against the tutorial and the schema; returns its conversationDetails.
    private static JObject ShouldBeUpsert(JObject body, string subscriptionId, string conversationId, params (string Role, string? Id)[] participants)
    {
        ((string?)body["subscriptionId"]).Should().Be(subscriptionId);
        var change = (JObject)((JArray)body["changes"]!).Should().ContainSingle().Subject;
        change.FieldNames().Should().Equal("type", "result");
        ((string?)change["type"]).Should().Be("UPSERT");
        var result = (JObject)change["result"]!;
        result.FieldNames().Should().Equal("convId", "conversationDetails", "lastUpdateTime");
        ((string?)result["convId"]).Should().Be(conversationId);
        result["lastUpdateTime"]!.Type.Should().Be(JTokenType.Integer);
        var details = (JObject)result["conversationDetails"]!;
        var listed = ((JArray)details["participants"]!).Select(p => ((string?)p["role"], (string?)p["id"])).ToList();
        listed.Select(p => p.Item1).Should().Equal(participants.Select(p => p.Role));
        foreach (var (role, id) in participants.Where(p => p.Id is not null))
        {
            listed.Should().Contain((role, id));
        }

        ((JArray)details["participants"]!).Should().AllSatisfy(p => p.FieldNames().Should().Equal("id", "role"));
        ((string?)details["state"]).Should().Be("OPEN");
        details["startTs"]!.Type.Should().Be(JTokenType.Integer);
        details["ttr"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"ttrType\":\"PRIORITIZED\",\"value\":600}");
        details["metaDataLastUpdateTs"]!.Type.Should().Be(JTokenType.Integer);
        details.Should().NotContainKey("endTs", "the schema's endTs is the end of the conversation; an open one has none");
        return details;
    }
}
