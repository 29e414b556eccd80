using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Legacy Post Conversation Survey (PCS) tutorial: its own frames for the MAIN dialog, from the subscription to the DialogChange that opens the survey.</summary>
public sealed class LegacyPostConversationSurveyTests : IClassFixture<EmulatorFixture>
{
    private const string Page = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/legacy-post-conversation-survey-pcs.md";

    // Step 1's LP_PROPS, verbatim.
    private const string Properties = "{\"type\":\".ClientProperties\",\"appId\":\"webAsync\",\"integrationVersion\":\"3.0.5\",\"integration\":\"WEB_SDK\",\"features\":[\"AUTO_MESSAGES\",\"RICH_CONTENT\",\"CO_BROWSE\",\"PHOTO_SHARING\",\"QUICK_REPLIES\",\"MULTI_DIALOG\"]}";

    // The fields of every change the page prints after a publish with a conversationId, in its order.
    private static readonly string[] ChangeFields = ["sequence", "originatorId", "originatorMetadata", "serverTimestamp", "event", "conversationId", "dialogId"];

    private readonly EmulatorFixture _emulator;

    public LegacyPostConversationSurveyTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("cqm.SubscribeExConversations", Page + " §Step 4")]
    [Documented("cqm.SubscribeExConversationsResponse", Page + " §Step 4 Expected 200 Response")]
    [Documented("cqm.ExConversationChangeNotification", Page + " §Step 4 Expected Notification")]
    [Documented("cm.ConsumerRequestConversation", Page + " §Step 5")]
    [Documented("ms.SubscribeMessagingEvents", Page + " §Step 7")]
    [Documented("ms.PublishEvent", Page + " §Step 8")]
    [Documented("ms.PublishEventResponse", Page + " §Step 8 Expected 200 Response")]
    [Documented("ms.MessagingEventNotification", Page + " §Step 8 Expected Notifications (message, accepted, read)")]
    public async Task Should_answer_the_tutorials_message_with_its_echo_and_the_agents_receipts_in_order()
    {
        await using var client = await ConnectAsync();
        var subscribed = await client.SendDocumentedAsync(new DocumentedFrame(Page + " §Step 4",
            "{\"kind\":\"req\",\"id\":\"3\",\"type\":\"cqm.SubscribeExConversations\",\"body\":{\"stage\":[\"OPEN\",\"CLOSE\"],\"convState\":[\"OPEN\",\"CLOSE\"]}}"));
        var subscriptionId = (string)subscribed.ShouldBeResponse("3", 200, "cqm.SubscribeExConversationsResponse")["subscriptionId"]!;
        var empty = (await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification");
        ((string?)empty["subscriptionId"]).Should().Be(subscriptionId);
        ((JArray)empty["changes"]!).Should().BeEmpty("there are still no conversations");

        var requested = await client.SendDocumentedAsync(new DocumentedFrame(Page + " §Step 5",
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"cm.ConsumerRequestConversation\",\"body\":{\"channelType\":\"MESSAGING\",\"ttrDefName\":null,\"campaignInfo\":{\"campaignId\":418732213,\"engagementId\":425842913},\"conversationContext\":{\"visitorId\":\"NmNDQ5OWU1MjM1NjBlZTAz\",\"sessionId\":\"DHE_fICSTZ2gx5IsljFcwQ\",\"interactionContextId\":\"1\",\"type\":\"SharkContext\",\"lang\":\"en-US\"}}}"));
        var conversationId = (string)requested.ShouldBeResponse("0", 200, "cm.RequestConversationResponse")["conversationId"]!;
        await client.NextAsync(Change("UPSERT", HasAgent));

        var subscribe = new DocumentedFrame(Page + " §Step 7",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\",\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"fromSeq\":0}}");
        // The page prints reqId "22" for this id "2"; a response carries its own request's id.
        (await client.SendDocumentedAsync(subscribe.With("__YOUR_CONVERSATION_ID__", conversationId))).ShouldBeResponse("2", 200, "GenericSubscribeResponse");
        ((JArray)(await client.NextAsync(FrameMatch.IsMessagingNotification)).ShouldBeNotification("ms.MessagingEventNotification")["changes"]!).Should().BeEmpty();

        var publish = new DocumentedFrame(Page + " §Step 8",
            "{\"kind\":\"req\",\"id\":\"4\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\",\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"Hello from the consumer\"}}}");
        var response = await client.SendDocumentedAsync(publish.With("__YOUR_CONVERSATION_ID__", conversationId));
        var sequence = (int)response.ShouldBeResponse("4", 200, "ms.PublishEventResponse")["sequence"]!;
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ContentEvent");
        var accepted = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "AcceptStatusEvent", c => (string?)c["event"]!["status"] == "ACCEPT");
        var read = await DocumentedConversation.NextChangeAsync(client, "ASSIGNED_AGENT", "AcceptStatusEvent", c => (string?)c["event"]!["status"] == "READ");

        var frames = client.Frames.ToList();
        frames.IndexOf(response).Should().BeLessThan(frames.IndexOf(echo), "the page shows the response before the notifications");
        frames.IndexOf(echo).Should().BeLessThan(frames.IndexOf(accepted));
        frames.IndexOf(accepted).Should().BeLessThan(frames.IndexOf(read));
        var message = ChangeOf(echo);
        message.FieldNames().Should().Equal(ChangeFields);
        ((int)message["sequence"]!, (string?)message["conversationId"], (string?)message["dialogId"]).Should().Be((sequence, conversationId, conversationId));
        message["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\"ContentEvent\",\"message\":\"Hello from the consumer\",\"contentType\":\"text/plain\"}");
        foreach (var (receipt, status) in new[] { (accepted, "ACCEPT"), (read, "READ") })
        {
            var change = ChangeOf(receipt);
            change.FieldNames().Should().Equal(ChangeFields);
            ((string?)change["originatorId"]).Should().Be((string?)change["originatorMetadata"]!["id"]);
            ((string?)change["conversationId"], (string?)change["dialogId"]).Should().Be((conversationId, conversationId));
            change["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be($"{{\"type\":\"AcceptStatusEvent\",\"status\":\"{status}\",\"sequenceList\":[{sequence}]}}");
        }
    }

    [Fact]
    [Documented("ms.PublishEvent/ChatStateEvent", Page + " §Step 9 (stopped typing)")]
    [Documented("ms.MessagingEventNotification", Page + " §Step 9 Notification (a chat state: no sequence, no serverTimestamp)")]
    [Documented("cm.UpdateConversationField/DialogChange", Page + " §Step 9")]
    [Documented("cqm.ExConversationChangeNotification", Page + " §Step 9 (MAIN closed, POST_SURVEY open)")]
    [Documented("ms.SubscribeMessagingEvents", Page + " §Step 10")]
    [Documented("GenericSubscribeResponse", Page + " §Step 10 Response")]
    public async Task Should_take_the_tutorials_stopped_typing_and_close_only_the_main_dialog()
    {
        await using var client = await ConnectAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));
        await DocumentedConversation.SubscribeAsync(client, conversationId);

        var active = new DocumentedFrame(Page + " §Step 9",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\",\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"ACTIVE\"}}}");
        var typed = await client.SendDocumentedAsync(active.With("__YOUR_CONVERSATION_ID__", conversationId));
        typed.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"kind\":\"resp\",\"reqId\":\"2\",\"code\":200,\"body\":{\"sequence\":0},\"type\":\"ms.PublishEventResponse\"}");
        var state = ChangeOf(await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ChatStateEvent"));
        state.FieldNames().Should().Equal("originatorId", "originatorMetadata", "event", "conversationId", "dialogId");
        state["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\"ChatStateEvent\",\"chatState\":\"ACTIVE\"}");

        var close = new DocumentedFrame(Page + " §Step 9",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"conversationField\":{\"field\":\"DialogChange\",\"type\":\"UPDATE\",\"dialog\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\",\"state\":\"CLOSE\",\"closedCause\":\"Closed by consumer\"}}}}");
        (await client.SendDocumentedAsync(close.With("__YOUR_CONVERSATION_ID__", conversationId))).ShouldBeStringResponse("2", 200).Should().Be("OK Conversation resolved successfully");
        var details = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)details["state"], (string?)details["stage"], (string?)details["closeReason"]).Should().Be(("CLOSE", "OPEN", "CONSUMER"));
        var dialogs = (JArray)details["dialogs"]!;
        dialogs.Select(d => ((string?)d["dialogType"], (string?)d["channelType"], (string?)d["state"])).Should().Equal(("MAIN", "MESSAGING", "CLOSE"), ("POST_SURVEY", "MESSAGING", "OPEN"));
        ((string?)dialogs[0]["closedBy"]).Should().Be("CONSUMER");

        var resubscribe = new DocumentedFrame(Page + " §Step 10",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"__YOUR_POST_SURVEY_DIALOG_ID__\",\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"fromSeq\":0}}");
        var surveyId = (string)dialogs[1]["dialogId"]!;
        var again = await client.SendDocumentedAsync(resubscribe.With("__YOUR_POST_SURVEY_DIALOG_ID__", surveyId).With("__YOUR_CONVERSATION_ID__", conversationId));
        again.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"kind\":\"resp\",\"reqId\":\"2\",\"code\":200,\"body\":{},\"type\":\"GenericSubscribeResponse\"}");
        var survey = await client.NextAsync(f => FrameMatch.IsMessagingNotification(f) && (string?)f["body"]!["changes"]![0]?["dialogId"] == surveyId);
        ((string?)ChangeOf(survey)["originatorMetadata"]!["role"]).Should().Be("AGENT", "the survey bot speaks as AGENT");
    }

    private async Task<ConsumerClient> ConnectAsync()
    {
        // Step 3: wscat -k 60 -H "Authorization:jwt $LP_JWT" -H "Client-Properties:$LP_PROPS" -c "wss://…/consumer?v=3"
        var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        socket.Options.SetRequestHeader("Client-Properties", Properties);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        socket.State.Should().Be(WebSocketState.Open);
        return new ConsumerClient(socket);
    }

    private static JObject ChangeOf(JObject notification) =>
        (JObject)((JArray)notification.ShouldBeNotification("ms.MessagingEventNotification")["changes"]!).Should().ContainSingle().Subject;
}
