using System.Net;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The multi-dialog post-conversation survey (PCS): MAIN closes, POST_SURVEY opens, a bot asks, the consumer answers, all closes.</summary>
public sealed class PostSurveyTests : IClassFixture<EmulatorFixture>
{
    private const string MultiDialog = "{\"type\":\".ClientProperties\",\"deviceFamily\":\"DESKTOP\",\"os\":\"LINUX\",\"features\":[\"MULTI_DIALOG\",\"QUICK_REPLIES\"]}";

    private readonly EmulatorFixture _emulator;

    public PostSurveyTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task<ConsumerClient> ConnectWithPropertiesAsync(string properties)
    {
        var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        socket.Options.SetRequestHeader("Client-Properties", properties);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        return new ConsumerClient(socket);
    }

    private static object CloseDialog(string conversationId, string dialogId) => Requests.Field(conversationId, new
    {
        field = "DialogChange",
        type = "UPDATE",
        dialog = new { dialogId, state = "CLOSE", closedCause = "Closed by consumer" },
    });

    private static JObject SurveyOf(JObject details) =>
        (JObject)((JArray)details["dialogs"]!).Single(d => (string?)d["dialogType"] == "POST_SURVEY");

    [Fact]
    public async Task Should_run_the_survey_from_main_close_to_stage_close()
    {
        await using var client = await ConnectWithPropertiesAsync(MultiDialog);
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversation = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));

        // MAIN closes: state CLOSE, stage still OPEN, and a POST_SURVEY dialog is open.
        var closed = await client.RequestAsync("cm.UpdateConversationField", CloseDialog(conversation, conversation));
        ((string?)closed["body"]).Should().Be("OK Conversation resolved successfully");
        var opened = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)opened["stage"]).Should().Be("OPEN");
        ((JArray)opened["dialogs"]!).Select(d => ((string?)d["dialogType"], (string?)d["state"])).Should().Equal(("MAIN", "CLOSE"), ("POST_SURVEY", "OPEN"));
        var survey = SurveyOf(opened);
        var surveyId = (string)survey["dialogId"]!;
        surveyId.Should().NotBe(conversation);
        ((JArray)survey["participantsDetails"]!).Select(p => (string?)p["role"]).Should().Equal("CONSUMER", "AGENT");

        // The first question is already in the survey dialog, with quick replies 1..5.
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(surveyId));
        var history = await client.NextAsync(f => FrameMatch.IsMessagingNotification(f) && (string?)f["body"]!["changes"]![0]?["dialogId"] == surveyId);
        var question = (JObject)history["body"]!["changes"]![0]!;
        ((string?)question["originatorMetadata"]!["role"]).Should().Be("AGENT");
        ((string?)question["event"]!["message"]).Should().StartWith("How would you rate");
        question["event"]!["quickReplies"]!["replies"]!.Select(r => (string?)r["title"]).Should().Equal("1", "2", "3", "4", "5");

        // Publishing to the closed MAIN is refused; a new conversation is refused while the survey runs.
        ((int)(await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "late")))["code"]!).Should().Be(400);
        ((int)(await client.RequestAsync("cm.ConsumerRequestConversation"))["code"]!).Should().Be(400);

        // Answer 1 (with an ACTION receipt carrying metadata, as the tutorial sends), then answer 2.
        var action = await client.RequestAsync("ms.PublishEvent", new { dialogId = surveyId, @event = new { type = "AcceptStatusEvent", status = "ACTION", sequenceList = new[] { 0 } } });
        ((int)action["code"]!).Should().Be(200);
        await client.RequestAsync("ms.PublishEvent", Requests.Text(surveyId, "5"));
        // The bot's READ receipt and chat states come first: only its text has a message.
        var second = await client.NextAsync(f => FrameMatch.ChangeFrom("AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["message"] is { } m && m.StartsWith("Did we resolve", StringComparison.Ordinal));
        FrameMatch.FirstChange(second)["event"]!["quickReplies"]!["replies"]!.Select(r => (string?)r["title"]).Should().Equal("Yes", "No");
        await client.RequestAsync("ms.PublishEvent", Requests.Text(surveyId, "Yes"));

        // Thanks, then the conversation's stage closes with the survey.
        await client.NextAsync(f => FrameMatch.ChangeFrom("AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["message"] == "Thank you for your feedback!");
        var done = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["stage"] == "CLOSE")));
        ((string?)done["state"]).Should().Be("CLOSE");
        ((long?)done["endTs"]).Should().BeGreaterThan(0);
        ((string?)SurveyOf(done)["state"]).Should().Be("CLOSE");
        ((string?)done["closeReason"]).Should().Be("CONSUMER", "the consumer ended the conversation; the bot only ended the survey");
        ((int)(await client.RequestAsync("cm.ConsumerRequestConversation"))["code"]!).Should().Be(200, "with the stage closed a new conversation may start");
    }

    [Fact]
    public async Task Should_show_a_single_metadata_object_as_an_array_and_refuse_other_metadata()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversation));
        await client.NextAsync(FrameMatch.IsMessagingNotification);

        // A single element may be sent as the element itself (protocol overview).
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"m1\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"" + conversation + "\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi\"}},\"metadata\":{\"type\":\"ExternalId\",\"id\":\"x-1\"}}");
        var plain = await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "plain"));
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"m2\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"" + conversation + "\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi\"}},\"metadata\":\"x\"}");

        var shown = await client.NextAsync(f => FrameMatch.ChangeFrom("CONSUMER")(f) && FrameMatch.FirstChange(f)["metadata"] is not null);
        FrameMatch.FirstChange(shown)["metadata"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("[{\"type\":\"ExternalId\",\"id\":\"x-1\"}]");
        ((int)plain["code"]!).Should().Be(200, "no metadata is fine");
        var bad = await client.NextAsync(f => (string?)f["reqId"] == "m2");
        ((int)bad["code"]!, (string?)bad["body"]).Should().Be((400, "metadata: expected an array or an object, found a string"));
    }

    [Fact]
    public async Task Should_close_everything_at_once_with_Stage_CLOSE_during_the_survey()
    {
        await using var client = await ConnectWithPropertiesAsync(MultiDialog);
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("cm.UpdateConversationField", CloseDialog(conversation, conversation));
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var survey = SurveyOf(Details(await client.NextAsync(Change("UPSERT"))));

        var stage = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversation, new { field = "Stage", conversationState = "CLOSE" }));

        ((int)stage["code"]!).Should().Be(200);
        var done = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["stage"] == "CLOSE")));
        ((string?)SurveyOf(done)["state"]).Should().Be("CLOSE");
        ((int)(await client.RequestAsync("ms.PublishEvent", Requests.Text((string)survey["dialogId"]!, "5")))["code"]!).Should().Be(400);
    }

    [Fact]
    public async Task Should_skip_the_survey_without_the_MULTI_DIALOG_feature()
    {
        await using var client = await ConnectWithPropertiesAsync("{\"type\":\".ClientProperties\",\"features\":[\"QUICK_REPLIES\"]}");
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var conversation = await client.OpenConversationAsync();

        await client.RequestAsync("cm.UpdateConversationField", CloseDialog(conversation, conversation));

        var done = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)done["stage"]).Should().Be("CLOSE");
        ((JArray)done["dialogs"]!).Should().ContainSingle();
    }

    [Fact]
    public async Task Should_take_the_features_from_InitConnection_on_a_headerless_socket()
    {
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        var init = await client.RequestAsync("InitConnection", headers: new object[]
        {
            new { type = ".ams.headers.ClientProperties", deviceFamily = "MOBILE", os = "ANDROID", features = new[] { "MULTI_DIALOG" } },
            new { type = ".ams.headers.ConsumerAuthentication", jwt = await _emulator.SignupAsync() },
        });
        ((int)init["code"]!).Should().Be(200);
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var conversation = await client.OpenConversationAsync();

        await client.RequestAsync("cm.UpdateConversationField", CloseDialog(conversation, conversation));

        var opened = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)opened["stage"]).Should().Be("OPEN");
    }

    [Fact]
    public async Task Should_refuse_a_Client_Properties_header_that_is_not_a_JSON_object()
    {
        using var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        socket.Options.SetRequestHeader("Client-Properties", "deviceFamily=MOBILE");

        var act = () => socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());

        await act.Should().ThrowAsync<WebSocketException>();
        socket.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
