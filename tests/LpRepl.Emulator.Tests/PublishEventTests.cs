using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class PublishEventTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public PublishEventTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_not_sequence_chat_state()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));

        var typing = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "ChatStateEvent", chatState = "COMPOSING" } });
        var change = FrameMatch.FirstChange(await client.NextAsync(FrameMatch.ChangeFrom("CONSUMER")));
        var text = await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "first real line"));

        ((int)typing["body"]!["sequence"]!).Should().Be(0);
        change.ContainsKey("sequence").Should().BeFalse();
        change.ContainsKey("serverTimestamp").Should().BeFalse();
        ((string?)change["event"]!["chatState"]).Should().Be("COMPOSING");
        ((int)text["body"]!["sequence"]!).Should().Be(0);
    }

    [Fact]
    public async Task Should_sequence_receipts_and_keep_rich_content_under_content()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "hello"));

        var read = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { 0 } } });
        var rich = await client.RequestAsync("ms.PublishEvent", new { dialogId, conversationId = dialogId, @event = new { type = "RichContentEvent", message = new { type = "text", text = "card" } } });
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId, fromSeq: 1));
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);

        ((int)read["body"]!["sequence"]!).Should().BeGreaterThan(0);
        // The agent's answer to "hello" may take a sequence in between: only the order is certain.
        ((int)rich["body"]!["sequence"]!).Should().BeGreaterThan((int)read["body"]!["sequence"]!);
        var events = ((JArray)history["body"]!["changes"]!).Select(c => (JObject)c["event"]!).ToList();
        events.Should().Contain(e => (string?)e["type"] == "AcceptStatusEvent" && (string?)e["status"] == "READ");
        var richEvent = events.Single(e => (string?)e["type"] == "RichContentEvent");
        ((string?)richEvent["content"]!["text"]).Should().Be("card");
        richEvent.ContainsKey("message").Should().BeFalse();
    }

    [Theory]
    [InlineData(null, "body.event: missing (required)")]
    [InlineData("{\"type\":\"ChatStateEvent\",\"chatState\":\"SLEEPING\"}", "body.event.chatState: \"SLEEPING\" is not one of ACTIVE, INACTIVE, GONE, COMPOSING, PAUSE")]
    [InlineData("{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":\"0\"}", "body.event.sequenceList: expected an array or an integer, found a string")]
    [InlineData("{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\"}", "body.event.message: missing (required)")]
    [InlineData("{\"type\":\"ContentEvent\",\"contentType\":\"hosted/file\",\"message\":\"logo.png\"}", "body.event.message: expected an object, found a string")]
    [InlineData("{\"type\":\"TeleportEvent\"}", "body.event.type: \"TeleportEvent\" is not one of ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent")]
    public async Task Should_answer_400_to_an_invalid_event(string? eventJson, string bodyStart)
    {
        await using var client = await _emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        var body = new JObject { ["dialogId"] = dialogId };
        if (eventJson is not null)
        {
            body["event"] = JObject.Parse(eventJson);
        }

        var response = await client.RequestAsync("ms.PublishEvent", body);

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(bodyStart);
    }
}
