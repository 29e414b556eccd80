using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>
/// The API reference's Request, Response and Notification Builders: forms over consumerRequests.json,
/// consumerResponses.json and consumerNotifications.json, with no sample of their own. Each request the
/// request builder offers is answered with a type the response builder offers, and both notifications come.
/// </summary>
public sealed class MessageBuilderPagesTests : IClassFixture<EmulatorFixture>
{
    private const string Reference = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/";

    // consumerResponses.json's anyOf, by the type each one defaults to; ms.BaseGenerateURLResponse is the
    // tutorials' variant of GenerateURLResponse (docs/emulator.md, "Where the documentation disagrees").
    private static readonly string[] ResponseBuilderTypes =
        ["cm.RequestConversationResponse", "ms.GenerateURLResponse", "ms.BaseGenerateURLResponse", "StringResponse", "ms.PublishEventResponse", "GenericSubscribeResponse", "cqm.SubscribeExConversationsResponse"];

    private readonly EmulatorFixture _emulator;

    public MessageBuilderPagesTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("InitConnection", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("cm.UpdateConversationField", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("ms.GenerateURLForUploadFile", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("ms.GenerateURLForDownloadFile", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("cm.ConsumerRequestConversation", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("ms.PublishEvent", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("ms.SubscribeMessagingEvents", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("cqm.SubscribeExConversations", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("cqm.UnsubscribeExConversations", Reference + "request-builder.md (consumerRequests.json)")]
    [Documented("resp", Reference + "response-builder.md (consumerResponses.json)")]
    [Documented("ms.MessagingEventNotification", Reference + "notification-builder.md (consumerNotifications.json)")]
    [Documented("cqm.ExConversationChangeNotification", Reference + "notification-builder.md (consumerNotifications.json)")]
    public async Task Should_answer_every_request_the_builder_offers_with_a_response_the_builder_offers()
    {
        var jwt = await _emulator.SignupAsync();
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        var answers = new List<JObject>
        {
            await client.RequestAsync("InitConnection", headers: Requests.InitConnection(jwt)),
            await client.RequestAsync("cqm.SubscribeExConversations", new { convState = new[] { "OPEN", "CLOSE" } }),
        };
        var subscriptionId = (string)answers[^1]["body"]!["subscriptionId"]!;
        answers.Add(await client.RequestAsync("cm.ConsumerRequestConversation"));
        var conversationId = (string)answers[^1]["body"]!["conversationId"]!;
        answers.Add(await client.RequestAsync("ms.SubscribeMessagingEvents", new { dialogId = conversationId, fromSeq = 0 }));
        answers.Add(await client.RequestAsync("ms.PublishEvent", new { dialogId = conversationId, @event = new { type = "ContentEvent", contentType = "text/plain", message = "hi" } }));
        answers.Add(await client.RequestAsync("ms.GenerateURLForUploadFile", new { fileSize = "1024", fileType = "JPG" }));
        answers.Add(await client.RequestAsync("ms.GenerateURLForDownloadFile", new { relativePath = (string)answers[^1]["body"]!["relativePath"]! }));
        answers.Add(await client.RequestAsync("cm.UpdateConversationField", new { conversationId, conversationField = new[] { new { field = "ConversationStateField", conversationState = "CLOSE" } } }));
        var closed = await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE"));
        answers.Add(await client.RequestAsync("cqm.UnsubscribeExConversations", new { subscriptionId }));

        answers.Should().AllSatisfy(a =>
        {
            a.FieldNames().Should().Equal(ResponseShape.ResponseFields);
            ((int)a["code"]!).Should().Be(200, a.ToString());
            ResponseBuilderTypes.Should().Contain((string?)a["type"]);
        });
        closed.ShouldBeNotification("cqm.ExConversationChangeNotification");
        (await client.NextAsync(FrameMatch.IsMessagingNotification)).ShouldBeNotification("ms.MessagingEventNotification");
    }
}
