using LpRepl.Emulator.Files;
using LpRepl.Emulator.Messaging.Handlers;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>One consumer, one conversation, every request type the emulator serves, in a realistic order.</summary>
public sealed class EveryRequestTypeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly List<(string Type, JObject Response)> _answers = [];

    public EveryRequestTypeTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_answer_200_to_every_consumer_request_on_one_conversation()
    {
        var jwt = await _emulator.SignupAsync();
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        await RequestAsync(client, "InitConnection", headers: Requests.InitConnection(jwt));
        var subscription = await RequestAsync(client, "cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = (string)(await RequestAsync(client, "cm.ConsumerRequestConversation"))["body"]!["conversationId"]!;
        var dialogId = conversationId;
        await client.NextAsync(Change("UPSERT", HasAgent));
        await RequestAsync(client, "ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));
        await RequestAsync(client, ".ams.ms.QueryMessages", new { dialogId });
        await RequestAsync(client, "ms.PublishEvent", Requests.Text(dialogId, "I need help with my order"));
        await RequestAsync(client, "ms.PublishEvent", new { dialogId, @event = new { type = "ChatStateEvent", chatState = "COMPOSING" } });
        var upload = await RequestAsync(client, "ms.GenerateURLForUploadFile", new { fileSize = 2048, fileType = "JPG" });
        var relativePath = (string)upload["body"]!["relativePath"]!;
        var file = new { caption = "The receipt", relativePath, fileType = "JPG" };
        await RequestAsync(client, "ms.PublishEvent", new { dialogId, @event = new { type = "ContentEvent", contentType = "hosted/file", message = file } });
        await RequestAsync(client, "ms.GenerateURLForDownloadFile", new { relativePath });
        var card = new { type = "vertical", elements = new[] { new { type = "text", text = "Order #1" } } };
        await RequestAsync(client, "ms.PublishEvent", new { dialogId, conversationId, @event = new { type = "RichContentEvent", content = card } });

        var agentLine = FrameMatch.FirstChange(await client.NextAsync(f => FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["type"] == "ContentEvent"));
        var agentSequence = (int)agentLine["sequence"]!;
        await RequestAsync(client, "ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "ACCEPT", sequenceList = new[] { agentSequence } } });
        await RequestAsync(client, "ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { agentSequence } } });
        await RequestAsync(client, "userprofile.SetUserProfile", new { authenticatedData = new { lp_sdes = new[] { new { type = "ctmrinfo", info = new { ctype = "vip" } } } } });
        await RequestAsync(client, "cm.UpdateConversationField", Requests.Field(conversationId, new { field = "TTRField", ttrType = "URGENT", value = 300 }));
        await RequestAsync(client, ".GetClock");
        await RequestAsync(client, "GetClock");
        await RequestAsync(client, "KeepAlive");
        var close = new { field = "DialogChange", type = "UPDATE", dialog = new { dialogId, state = "CLOSE", closedCause = "Closed by consumer" } };
        await RequestAsync(client, "cm.UpdateConversationField", Requests.Field(conversationId, close));
        await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE"));
        await RequestAsync(client, "cm.UpdateConversationField", Requests.Field(conversationId, Requests.Csat()));
        await client.NextAsync(Change("UPSERT", d => d["csat"] is not null));
        await RequestAsync(client, "cqm.UnsubscribeExConversations", new { subscriptionId = (string)subscription["body"]!["subscriptionId"]! });

        _answers.Should().OnlyContain(a => (int)a.Response["code"]! == 200, "every request is valid at its point in the conversation");
        // A request type added to the emulator must be added to this walk-through too.
        var served = ConsumerHandlers.Create(TimeProvider.System, _emulator.Server.Tokens, _emulator.Server.Agent, new SwiftTempUrl(TimeProvider.System, TimeSpan.FromMinutes(1))).SelectMany(h => h.RequestTypes);
        _answers.Select(a => a.Type).Distinct().Should().BeEquivalentTo(served);
    }

    private async Task<JObject> RequestAsync(ConsumerClient client, string type, object? body = null, object? headers = null)
    {
        var response = await client.RequestAsync(type, body, headers);
        _answers.Add((type, response));
        return response;
    }
}
