using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The protocol overview's keep-alive requests, request/response correlation and the consumer's close of a conversation.</summary>
public sealed class ProtocolOverviewTests : IClassFixture<EmulatorFixture>
{
    private const string Page = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md";

    private readonly EmulatorFixture _emulator;

    public ProtocolOverviewTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [Documented("GetClock", Page + " §Keep Alive")]
    [Documented(".GetClock", "pages/… permalink consumer-int-protocol-overview.html (the page before its move to ClientSideConfiguration) §Keep Alive")]
    [InlineData("{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"}")]
    [InlineData("{\"kind\":\"req\",\"id\":\"1\",\"type\":\".GetClock\"}")]
    public async Task Should_answer_the_applicative_GetClock_with_the_server_time(string text)
    {
        await using var client = await _emulator.NewConsumerAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(Page + " §Keep Alive", text));

        var body = response.ShouldBeResponse("1", 200, ".GetClock$Response");
        body.FieldNames().Should().Equal("currentTime");
        body["currentTime"]!.Type.Should().Be(JTokenType.Integer);
        ((long)body["currentTime"]!).Should().BeInRange(before - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000, "epoch milliseconds");
    }

    [Fact]
    [Documented("KeepAlive", "assets/schema/infra/keepAlive.json")]
    public async Task Should_answer_KeepAlive_built_from_the_schema_defaults()
    {
        await using var client = await _emulator.NewConsumerAsync();

        // infra/keepAlive.json: kind "req", id "0" and type "KeepAlive" are the schema's defaults.
        var response = await client.SendDocumentedAsync(new DocumentedFrame("assets/schema/infra/keepAlive.json", "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"KeepAlive\"}"));

        response.ShouldBeStringResponse("0", 200);
    }

    [Fact]
    [Documented("resp/reqId", Page + " §Responses")]
    public async Task Should_answer_a_request_with_its_id_as_reqId()
    {
        await using var client = await _emulator.NewConsumerAsync();
        // The section's own request (an agent's request, so a consumer gets a refusal), spaces and tabs as printed.
        var frame = new DocumentedFrame(Page + " §Message Types", "{\n\t\"kind\" : \"req\",\n\t\"type\" : \"cm.MyRequest\",\n\t\"id\" : \"hsjshka8162s\",\n\t\"body\" : { \"ttrDefName\" : \"NORMAL\" }\n}");

        var response = await client.SendDocumentedAsync(frame);

        response.ShouldBeStringResponse("hsjshka8162s", 400).Should().Be("Unknown request type: cm.MyRequest");
    }

    [Fact]
    [Documented("cm.UpdateConversationField/ConversationStateField", Page + " §Finish a conversation")]
    [Documented("cqm.ExConversationChangeNotification", Page + " §Finish a conversation")]
    [Documented("cm.UpdateConversationField/ConversationStateField", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/close-conversation.md")]
    public async Task Should_notify_the_closed_state_after_the_consumer_closes()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = await client.OpenConversationAsync();
        var frame = new DocumentedFrame(
            "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/close-conversation.md",
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"id\",\"conversationField\":[{\"field\":\"ConversationStateField\",\"conversationState\":\"CLOSE\"}]}}");

        var response = await client.SendDocumentedAsync(frame.With("\"conversationId\":\"id\"", $"\"conversationId\":\"{conversationId}\""));

        response.ShouldBeStringResponse("0", 200).Should().Be("OK Conversation resolved successfully");
        var closed = await client.NextAsync(ExConversationMatch.Change("UPSERT", d => (string?)d["state"] == "CLOSE"));
        var details = ExConversationMatch.Details(closed);
        ((string?)details["stage"]).Should().Be("CLOSE");
        ((string?)details["closeReason"]).Should().Be("CONSUMER");
        details["endTs"]!.Type.Should().Be(JTokenType.Integer);
    }
}
