using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>The "Getting Started" tutorial, step by step, against the real emulator.</summary>
public sealed class GettingStartedFlowTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public GettingStartedFlowTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_run_the_getting_started_tutorial()
    {
        var jwt = await _emulator.SignupAsync();
        var consumerId = (string)JObject.Parse(Jwt.DecodeText(Jwt.Parts(jwt)[1]))["sub"]!;
        await using var client = await _emulator.ConnectAsync(jwt);

        // Request a conversation.
        await client.SendAsync("{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}");
        var opened = await client.NextAsync(f => (string?)f["reqId"] == "1");
        ((string?)opened["type"]).Should().Be("cm.RequestConversationResponse");
        ((int)opened["code"]!).Should().Be(200);
        var conversationId = (string)opened["body"]!["conversationId"]!;
        Guid.TryParse(conversationId, out var parsed).Should().BeTrue();
        parsed.Version.Should().Be(4);

        // Subscribe: a GenericSubscribeResponse, then one notification with no changes yet.
        var subscribed = await client.RequestAsync("ms.SubscribeMessagingEvents", new { fromSeq = 0, dialogId = conversationId });
        ((int)subscribed["code"]!).Should().Be(200);
        ((string?)subscribed["type"]).Should().Be("GenericSubscribeResponse");
        subscribed["body"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{}");
        var history = await client.NextAsync(FrameMatch.IsMessagingNotification);
        history.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
            "{\"kind\":\"notification\",\"body\":{\"changes\":[]},\"type\":\"ms.MessagingEventNotification\"}");

        // Publish a line: sequence 0, echoed to us as CONSUMER, answered by the agent.
        await client.SendAsync(
            "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"" + conversationId
            + "\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi there\"}}}");
        var published = await client.NextAsync(f => (string?)f["reqId"] == "2");
        published.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
            "{\"kind\":\"resp\",\"reqId\":\"2\",\"code\":200,\"body\":{\"sequence\":0},\"type\":\"ms.PublishEventResponse\"}");

        var echo = FrameMatch.FirstChange(await client.NextAsync(FrameMatch.ChangeFrom("CONSUMER")));
        ((int)echo["sequence"]!).Should().Be(0);
        ((string?)echo["originatorId"]).Should().Be(consumerId);
        ((string?)echo["originatorMetadata"]!["id"]).Should().Be(consumerId);
        ((string?)echo["event"]!["message"]).Should().Be("hi there");
        ((string?)echo["dialogId"]).Should().Be(conversationId);
        ((string?)echo["conversationId"]).Should().Be(conversationId);
        ((long)echo["serverTimestamp"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 60_000);
        echo.Properties().Select(p => p.Name).Should().Equal(
            "sequence", "originatorId", "originatorMetadata", "serverTimestamp", "event", "conversationId", "dialogId");

        // The agent's ACCEPT of the message (sequence 1) comes first, then its answer.
        var answer = FrameMatch.FirstChange(await client.NextAsync(f => FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["type"] == "ContentEvent"));
        ((int)answer["sequence"]!).Should().Be(2);
        ((string?)answer["event"]!["type"]).Should().Be("ContentEvent");
        ((string?)answer["event"]!["contentType"]).Should().Be("text/plain");
        ((string?)answer["event"]!["message"]).Should().Contain("hi there");
        Guid.TryParse((string?)answer["originatorId"], out _).Should().BeTrue();

        // Close the conversation.
        var closed = await client.RequestAsync("cm.UpdateConversationField", new
        {
            conversationId,
            conversationField = new[] { new { field = "ConversationStateField", conversationState = "CLOSE" } },
        });
        ((int)closed["code"]!).Should().Be(200);
        ((string?)closed["type"]).Should().Be("StringResponse");
        ((string?)closed["body"]).Should().Be("OK Conversation resolved successfully");
    }
}
