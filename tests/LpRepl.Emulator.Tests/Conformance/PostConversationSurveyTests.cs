using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Post Conversation Survey (PCS) tutorial, step by step with its own frames: MAIN closed by DialogChange, the survey dialog, the ACTION receipt with metadata, the answers, the close.</summary>
public sealed class PostConversationSurveyTests : IClassFixture<EmulatorFixture>
{
    private const string Page = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/post-conversation-survey-pcs.md";

    // The legacy page prints the same frames from its Step 10 on.
    private const string Legacy = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/legacy-post-conversation-survey-pcs.md";

    // Step 1's LP_PROPS, verbatim.
    private const string Properties = "{\"type\":\".ClientProperties\",\"appId\":\"webAsync\",\"integrationVersion\":\"3.0.5\",\"integration\":\"WEB_SDK\",\"features\":[\"AUTO_MESSAGES\",\"RICH_CONTENT\",\"CO_BROWSE\",\"PHOTO_SHARING\",\"QUICK_REPLIES\",\"MULTI_DIALOG\"]}";

    private const string AnswerMetadata = "[{\"type\":\"Answer\",\"questionId\":\"3e70da9b-76de-4c2a-911e-a41aee698b82\",\"id\":\"4f7c6a7b-033b-4171-a361-abf99e0ea493\",\"provider\":\"AC\"}]";

    private readonly EmulatorFixture _emulator;

    public PostConversationSurveyTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("cqm.SubscribeExConversations", Page + " §Step 4")]
    [Documented("cm.UpdateConversationField/DialogChange", Page + " §Step 9 - Close the Conversation (The MAIN DIALOG)")]
    [Documented("cqm.ExConversationChangeNotification", Page + " §Step 9 (MAIN closed, POST_SURVEY open)")]
    [Documented("ms.PublishEvent/AcceptStatusEvent ACTION", Page + " §Step 12 (1)")]
    [Documented("ms.MessagingEventNotification/metadata", Page + " §Step 12 (1) Expected Notification")]
    [Documented("ms.PublishEvent/ContentEvent", Page + " §Step 12 (2)")]
    [Documented("ms.MessagingEventNotification", Page + " §Step 12 (2) Expected Notifications")]
    [Documented("cqm.ExConversationChangeNotification", Page + " §Conversation closed - Survey completed")]
    [Documented("ms.SubscribeMessagingEvents", Legacy + " §Step 10 (the same frame)")]
    [Documented("ms.PublishEvent/AcceptStatusEvent ACTION", Legacy + " §Step 12 (the same frame)")]
    [Documented("ms.PublishEvent/ContentEvent", Legacy + " §Step 12 (the same frame)")]
    [Documented("cqm.ExConversationChangeNotification", Legacy + " §Conversation closed — survey completed")]
    public async Task Should_run_the_tutorials_survey_flow()
    {
        await using var client = await ConnectAsync();
        var subscribed = await client.SendDocumentedAsync(new DocumentedFrame(Page + " §Step 4",
            "{\"kind\":\"req\",\"id\":\"3\",\"type\":\"cqm.SubscribeExConversations\",\"body\":{\"stage\":[\"OPEN\",\"CLOSE\"],\"convState\":[\"OPEN\",\"CLOSE\"]}}"));
        var subscriptionId = (string)subscribed.ShouldBeResponse("3", 200, "cqm.SubscribeExConversationsResponse")["subscriptionId"]!;
        ((JArray)(await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification")["changes"]!).Should().BeEmpty();
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));

        // Step 9: MAIN only, with the tutorial's DialogChange.
        var close = new DocumentedFrame(Page + " §Step 9",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"conversationField\":{\"field\":\"DialogChange\",\"type\":\"UPDATE\",\"dialog\":{\"dialogId\":\"__YOUR_CONVERSATION_ID__\",\"state\":\"CLOSE\",\"closedCause\":\"Closed by consumer\"}}}}");
        (await client.SendDocumentedAsync(close.With("__YOUR_CONVERSATION_ID__", conversationId))).ShouldBeStringResponse("2", 200).Should().Be("OK Conversation resolved successfully");
        var opened = (await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE"))).ShouldBeNotification("cqm.ExConversationChangeNotification");
        ((string?)opened["subscriptionId"]).Should().Be(subscriptionId);
        var details = (JObject)opened["changes"]![0]!["result"]!["conversationDetails"]!;
        details.FieldNames().Should().Equal("participants", "dialogs", "brandId", "state", "stage", "closeReason", "startTs", "metaDataLastUpdateTs", "ttr");
        ((string?)details["stage"]).Should().Be("OPEN");
        ((string?)details["closeReason"]).Should().Be("CONSUMER");
        Roles(details).Should().Contain(["CONSUMER", "ASSIGNED_AGENT", "AGENT"], "the survey bot joins the conversation as AGENT");
        var main = (JObject)details["dialogs"]![0]!;
        main.FieldNames().Should().Equal("dialogId", "participantsDetails", "dialogType", "channelType", "state", "creationTs", "endTs", "metaDataLastUpdateTs", "closedBy", "closedCause");
        ((string?)main["dialogId"], (string?)main["dialogType"], (string?)main["channelType"], (string?)main["state"], (string?)main["closedBy"], (string?)main["closedCause"])
            .Should().Be((conversationId, "MAIN", "MESSAGING", "CLOSE", "CONSUMER", "Closed by consumer"));
        ((JArray)main["participantsDetails"]!).Select(p => (string?)p["role"]).Should().NotContain("AGENT", "the bot is not in MAIN");
        var survey = (JObject)details["dialogs"]![1]!;
        survey.FieldNames().Should().Equal("dialogId", "participantsDetails", "dialogType", "channelType", "state", "creationTs", "metaDataLastUpdateTs");
        ((string?)survey["dialogType"], (string?)survey["channelType"], (string?)survey["state"]).Should().Be(("POST_SURVEY", "MESSAGING", "OPEN"));
        var surveyId = (string)survey["dialogId"]!;

        // Step 10: re-subscribe to the survey dialog; the question with quick replies is there.
        var resubscribe = new DocumentedFrame(Page + " §Step 10",
            "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"__YOUR_POST_SURVEY_DIALOG_ID__\",\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"fromSeq\":0}}");
        ((int)(await client.SendDocumentedAsync(resubscribe.With("__YOUR_POST_SURVEY_DIALOG_ID__", surveyId).With("__YOUR_CONVERSATION_ID__", conversationId)))["code"]!).Should().Be(200);
        var question = ChangeOf(await NextInAsync(client, surveyId));
        ((int)question["sequence"]!, (string?)question["originatorMetadata"]!["role"], (string?)question["event"]!["contentType"]).Should().Be((0, "AGENT", "text/plain"));
        var quickReplies = question["event"]!["quickReplies"]!;
        ((string?)quickReplies["type"], (int)quickReplies["itemsPerRow"]!).Should().Be(("quickReplies", 8));
        ((JArray)quickReplies["replies"]!).Should().AllSatisfy(r =>
        {
            ((string?)r["type"]).Should().Be("button");
            ((string?)r["click"]!["actions"]![0]!["type"]).Should().Be("publishText");
            r["click"]!["metadata"]!.Type.Should().Be(JTokenType.Array);
        });

        // Step 12 (1): the ACTION receipt; its metadata comes back in the notification, after dialogId.
        var action = new DocumentedFrame(Page + " §Step 12",
            "{\n  \"kind\": \"req\",\n  \"id\": \"22\",\n  \"type\": \"ms.PublishEvent\",\n  \"body\": {\n    \"dialogId\": \"__YOUR_POST_SURVEY_DIALOG_ID__\",\n    \"conversationId\": \"__YOUR_CONVERSATION_ID__\",\n    \"event\": {\n      \"type\": \"AcceptStatusEvent\",\n      \"status\": \"ACTION\",\n      \"sequenceList\": [\n        1\n      ]\n    }\n  },\n  \"metadata\": [\n    {\n      \"type\": \"Answer\",\n      \"questionId\": \"3e70da9b-76de-4c2a-911e-a41aee698b82\",\n      \"id\": \"4f7c6a7b-033b-4171-a361-abf99e0ea493\",\n      \"provider\": \"AC\"\n    }\n  ]\n}");
        var actionResponse = await client.SendDocumentedAsync(action.With("__YOUR_POST_SURVEY_DIALOG_ID__", surveyId).With("__YOUR_CONVERSATION_ID__", conversationId));
        var actionSequence = (int)actionResponse.ShouldBeResponse("22", 200, "ms.PublishEventResponse")["sequence"]!;
        var receipt = ChangeOf(await NextInAsync(client, surveyId));
        receipt.FieldNames().Should().Equal("sequence", "originatorId", "originatorMetadata", "serverTimestamp", "event", "conversationId", "dialogId", "metadata");
        ((int)receipt["sequence"]!).Should().Be(actionSequence);
        ((string?)receipt["originatorMetadata"]!["role"]).Should().Be("CONSUMER");
        receipt["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\"AcceptStatusEvent\",\"status\":\"ACTION\",\"sequenceList\":[1]}");
        receipt["metadata"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be(AnswerMetadata);

        // Step 12 (2): the answer's text; then the bot reads it, types, asks on, stops typing.
        var answer = new DocumentedFrame(Page + " §Step 12",
            "{\n  \"kind\": \"req\",\n  \"id\": \"3\",\n  \"type\": \"ms.PublishEvent\",\n  \"body\": {\n    \"dialogId\": \"__YOUR_POST_SURVEY_DIALOG_ID__\",\n    \"conversationId\": \"__YOUR_CONVERSATION_ID__\",\n    \"event\": {\n      \"type\": \"ContentEvent\",\n      \"contentType\": \"text/plain\",\n      \"message\": \"1\"\n    }\n  },\n  \"metadata\": [\n    {\n      \"type\": \"Answer\",\n      \"questionId\": \"3e70da9b-76de-4c2a-911e-a41aee698b82\",\n      \"id\": \"4f7c6a7b-033b-4171-a361-abf99e0ea493\",\n      \"provider\": \"AC\"\n    }\n  ]\n}");
        var answerSequence = (int)(await client.SendDocumentedAsync(answer.With("__YOUR_POST_SURVEY_DIALOG_ID__", surveyId).With("__YOUR_CONVERSATION_ID__", conversationId)))
            .ShouldBeResponse("3", 200, "ms.PublishEventResponse")["sequence"]!;
        var echoed = ChangeOf(await NextInAsync(client, surveyId));
        ((int)echoed["sequence"]!, (string?)echoed["event"]!["message"]).Should().Be((answerSequence, "1"));
        await ShouldReadTypeAndSayAsync(client, surveyId, answerSequence, m => m.StartsWith("Did we resolve", StringComparison.Ordinal));

        // The emulator's survey has a second question; answering it ends the survey.
        var last = (int)(await client.RequestAsync("ms.PublishEvent", Requests.Text(surveyId, "Yes")))["body"]!["sequence"]!;
        await NextInAsync(client, surveyId);
        await ShouldReadTypeAndSayAsync(client, surveyId, last, m => m == "Thank you for your feedback!");
        var done = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["stage"] == "CLOSE")));
        ((string?)done["state"], (string?)done["closeReason"]).Should().Be(("CLOSE", "CONSUMER"));
        done["endTs"]!.Type.Should().Be(JTokenType.Integer);
        var closedSurvey = (JObject)done["dialogs"]![1]!;
        ((string?)closedSurvey["state"], (string?)closedSurvey["closedBy"], (string?)closedSurvey["closedCause"]).Should().Be(("CLOSE", "AGENT", "Completed"));
        closedSurvey["endTs"]!.Type.Should().Be(JTokenType.Integer);
    }

    [Fact]
    [Documented("cm.UpdateConversationField/Stage", Page + " §Additional Notes")]
    [Documented("cm.UpdateConversationField/Stage", Legacy + " §Additional Notes (the same frame)")]
    public async Task Should_close_the_whole_conversation_with_the_Stage_field_during_the_survey()
    {
        await using var client = await ConnectAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));
        // The page's opening DialogChange example, multi-line, with its own placeholders.
        var closeMain = new DocumentedFrame(Page + " §Multi-Dialog Conversation",
            "{\n  \"kind\": \"req\",\n  \"id\": \"2\",\n  \"type\": \"cm.UpdateConversationField\",\n  \"body\": {\n    \"conversationId\": \"Conversation ID\",\n    \"conversationField\": {\n      \"field\": \"DialogChange\",\n      \"type\": \"UPDATE\",\n      \"dialog\": {\n        \"dialogId\": \"Dialog ID\",\n        \"state\": \"CLOSE\",\n        \"closedCause\": \"Closed by consumer\"\n      }\n    }\n  }\n}");
        (await client.SendDocumentedAsync(closeMain.With("Conversation ID", conversationId).With("Dialog ID", conversationId))).ShouldBeStringResponse("2", 200);
        await client.NextAsync(Change("UPSERT", d => (string?)d["stage"] == "OPEN" && (string?)d["state"] == "CLOSE"));

        var stage = new DocumentedFrame(Page + " §Additional Notes",
            "{\"kind\":\"req\",\"id\":\"11\",\"body\":{\"conversationId\":\"__YOUR_CONVERSATION_ID__\",\"conversationField\":{\"field\":\"Stage\",\"conversationState\":\"CLOSE\"}},\"type\":\"cm.UpdateConversationField\"}");
        var response = await client.SendDocumentedAsync(stage.With("__YOUR_CONVERSATION_ID__", conversationId));

        response.ShouldBeStringResponse("11", 200);
        var done = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["stage"] == "CLOSE")));
        ((JArray)done["dialogs"]!).Select(d => (string?)d["state"]).Should().Equal("CLOSE", "CLOSE");
    }

    private async Task<ConsumerClient> ConnectAsync()
    {
        // wscat -k 60 -H "Authorization:jwt $LP_JWT" -H "Client-Properties:$LP_PROPS" -c "wss://…/consumer?v=3"
        var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        socket.Options.SetRequestHeader("Client-Properties", Properties);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        socket.State.Should().Be(WebSocketState.Open);
        return new ConsumerClient(socket);
    }

    // As the tutorial's Expected Notifications: READ of the answer, COMPOSING, the bot's text, ACTIVE.
    private static async Task ShouldReadTypeAndSayAsync(ConsumerClient client, string surveyId, int answerSequence, Func<string, bool> said)
    {
        var read = ChangeOf(await NextInAsync(client, surveyId));
        ((string?)read["originatorMetadata"]!["role"]).Should().Be("AGENT");
        read["event"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be($"{{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":[{answerSequence}]}}");
        var composing = ChangeOf(await NextInAsync(client, surveyId));
        composing.FieldNames().Should().Equal("originatorId", "originatorMetadata", "event", "conversationId", "dialogId");
        ((string?)composing["event"]!["chatState"]).Should().Be("COMPOSING");
        var text = ChangeOf(await NextInAsync(client, surveyId));
        said((string)text["event"]!["message"]!).Should().BeTrue(text.ToString());
        ((string?)ChangeOf(await NextInAsync(client, surveyId))["event"]!["chatState"]).Should().Be("ACTIVE");
    }

    private static Task<JObject> NextInAsync(ConsumerClient client, string dialogId) =>
        client.NextAsync(f => FrameMatch.IsMessagingNotification(f) && (string?)f["body"]!["changes"]![0]?["dialogId"] == dialogId);

    private static JObject ChangeOf(JObject notification) =>
        (JObject)((JArray)notification.ShouldBeNotification("ms.MessagingEventNotification")["changes"]!).Should().ContainSingle().Subject;
}
