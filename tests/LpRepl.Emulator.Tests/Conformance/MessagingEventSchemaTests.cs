using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The events of ms/AbstractMessagingEvent.json not covered by a page: chat states and rich content.</summary>
public sealed class MessagingEventSchemaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("ACTIVE")]
    [InlineData("INACTIVE")]
    [InlineData("GONE")]
    [InlineData("COMPOSING")]
    [InlineData("PAUSE")]
    [Documented("ms.PublishEvent/ChatStateEvent", MessagingSources.ChatStateEvent + " (chatState enum)")]
    public async Task Should_pass_every_chat_state_on_without_a_sequence(string chatState)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "ChatStateEvent", chatState } });
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ChatStateEvent");

        ((int)response["code"]!).Should().Be(200);
        ((int)response["body"]!["sequence"]!).Should().Be(0, "a chat state's publish is answered {\"sequence\":0} (the survey tutorial's transcript)");
        var change = FrameMatch.FirstChange(echo);
        ((string?)change["event"]!["chatState"]).Should().Be(chatState);
        change.ContainsKey("sequence").Should().BeFalse("a chat state takes no sequence (docs/emulator.md, where the documentation disagrees)");
    }

    [Fact]
    [Documented("ms.PublishEvent/ChatStateEvent", MessagingSources.ChatStateEvent + " (type and chatState required)")]
    public async Task Should_refuse_an_undocumented_chat_state()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "ChatStateEvent", chatState = "TYPING" } });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be("body.event.chatState: \"TYPING\" is not one of ACTIVE, INACTIVE, GONE, COMPOSING, PAUSE");
    }

    [Theory]
    [InlineData("message")]
    [InlineData("content")]
    [Documented("ms.PublishEvent/RichContentEvent", MessagingSources.RichContent + " (the element under message)")]
    public async Task Should_take_structured_content_under_either_name_and_show_it_under_content(string field)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));
        var element = JObject.Parse("""{"type":"vertical","elements":[{"type":"text","text":"product name"},{"type":"button","title":"Buy","click":{"actions":[{"type":"link","uri":"https://example.com"}]}}]}""");

        var response = await client.RequestAsync("ms.PublishEvent", new JObject { ["dialogId"] = dialogId, ["event"] = new JObject { ["type"] = "RichContentEvent", [field] = element } });
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "RichContentEvent");

        ((int)response["code"]!).Should().Be(200);
        response["body"]!["sequence"]!.Type.Should().Be(JTokenType.Integer);
        var evt = (JObject)FrameMatch.FirstChange(echo)["event"]!;
        JToken.DeepEquals(evt["content"], element).Should().BeTrue();
        evt.ContainsKey("message").Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"type":"HostedFile"}""", "body.event.type: \"HostedFile\" is not one of ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent")]
    [InlineData("""{"chatState":"ACTIVE"}""", "body.event.type: missing (required: one of ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent)")]
    [InlineData("""{"type":"RichContentEvent","content":"text"}""", "body.event.content: expected an object, found a string")]
    [Documented("ms.PublishEvent", MessagingSources.PublishEventBody + " (event: one of the AbstractMessagingEvent types)")]
    public async Task Should_refuse_an_event_of_no_documented_type(string eventJson, string expected)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new JObject { ["dialogId"] = dialogId, ["event"] = JObject.Parse(eventJson) });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }
}
