using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The API reference's Publishing Text Content page: the request, its response, and the event as subscribers see it.</summary>
public sealed class PublishTextReferenceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Sample = """{"type":"ms.PublishEvent","id":"A3FA","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}""";

    [Fact]
    [Documented("ms.PublishEvent", MessagingSources.PublishText + " §Request")]
    [Documented("ms.PublishEventResponse", MessagingSources.PublishText + " §Response")]
    [Documented("ms.PublishEventResponse", MessagingSources.PublishEventSuccess)]
    public async Task Should_answer_the_sample_with_its_sequence()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.PublishText, Sample).With("__YOUR_CONVERSATION_ID__", dialogId));

        response.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");
        ((string?)response["kind"]).Should().Be("resp");
        ((string?)response["reqId"]).Should().Be("A3FA");
        ((int)response["code"]!).Should().Be(200);
        ((string?)response["type"]).Should().Be("ms.PublishEventResponse");
        var body = (JObject)response["body"]!;
        body.Properties().Select(p => p.Name).Should().Equal("sequence");
        body["sequence"]!.Type.Should().Be(JTokenType.Integer);
        ((int)body["sequence"]!).Should().Be(0, "sequences start at 0 in each dialog");
    }

    [Fact]
    [Documented("ms.MessagingEventNotification", MessagingSources.MessagingEventNotification)]
    [Documented("ms.PublishEvent/TextValue", MessagingSources.TextValue)]
    public async Task Should_show_the_text_to_a_subscriber_as_sent_with_every_required_field()
    {
        var jwt = await emulator.SignupAsync();
        await using var client = await emulator.ConnectAsync(jwt);
        var dialogId = await client.OpenConversationAsync();
        await DocumentedConversation.SubscribeAsync(client, dialogId);

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.PublishText, Sample).With("__YOUR_CONVERSATION_ID__", dialogId));
        var notification = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ContentEvent");

        notification.Properties().Select(p => p.Name).Should().Equal("kind", "body", "type");
        ((string?)notification["kind"]).Should().Be("notification");
        var change = FrameMatch.FirstChange(notification);
        change["sequence"]!.Type.Should().Be(JTokenType.Integer);
        ((int)change["sequence"]!).Should().Be((int)response["body"]!["sequence"]!);
        ((string?)change["originatorId"]).Should().Be((string)Jwt.Payload(jwt)["sub"]!, "the consumer's own messages carry its consumerId (Get Messages, Step 1)");
        change["serverTimestamp"]!.Type.Should().Be(JTokenType.Integer);
        ((long)change["serverTimestamp"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 60_000);
        ((string?)change["dialogId"]).Should().Be(dialogId);
        JToken.DeepEquals(change["event"], JObject.Parse("""{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}""")).Should().BeTrue(change["event"]!.ToString());
    }

    [Theory]
    [InlineData("""{"type":"ContentEvent","contentType":"text/plain","message":{"text":"hi there"}}""", "body.event.message: expected a string, found an object")]
    [InlineData("""{"type":"ContentEvent","contentType":"text/plain","message":42}""", "body.event.message: expected a string, found an integer")]
    [InlineData("""{"type":"ContentEvent","message":"hi there"}""", "body.event.contentType: missing (required: one of text/plain, hosted/file, HostedFile)")]
    [InlineData("""{"type":"ContentEvent","contentType":"text/html","message":"<b>hi</b>"}""", "body.event.contentType: \"text/html\" is not one of text/plain, hosted/file, HostedFile")]
    [Documented("ms.PublishEvent/TextValue", MessagingSources.TextValue + " (message: string; type, contentType, message required)")]
    [Documented("ms.PublishEvent/ContentEvent", MessagingSources.ContentEvent + " (TextValue or HostedFile)")]
    public async Task Should_refuse_a_content_event_the_schema_excludes(string eventJson, string expected)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new JObject { ["dialogId"] = dialogId, ["event"] = JObject.Parse(eventJson) });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["type"]).Should().Be("ms.PublishEventResponse");
        ((string?)response["body"]).Should().Be(expected);
    }

    [Fact]
    [Documented("ms.PublishEvent", MessagingSources.PublishEventBody + " (dialogId and event required)")]
    public async Task Should_refuse_a_publish_without_its_required_fields()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var noDialog = await client.RequestAsync("ms.PublishEvent", new { @event = new { type = "ContentEvent", contentType = "text/plain", message = "hi" } });
        var noEvent = await client.RequestAsync("ms.PublishEvent", new { dialogId });

        ((int)noDialog["code"]!).Should().Be(400);
        ((string?)noDialog["body"]).Should().Be("body.dialogId: missing (required)");
        ((int)noEvent["code"]!).Should().Be(400);
        ((string?)noEvent["body"]).Should().Be("body.event: missing (required)");
    }
}
