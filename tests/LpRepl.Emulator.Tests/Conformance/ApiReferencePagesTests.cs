using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The API reference's own pages not covered by a tutorial: the overview's connection and table, Init Connection, Subscribe to Conversation Metadata, the three builders.</summary>
public sealed class ApiReferencePagesTests : IClassFixture<EmulatorFixture>
{
    private const string Reference = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/";
    private const string InitConnectionSample = "{\"type\": \"InitConnection\",\"headers\":[{\"type\":\".ams.headers.ClientProperties\",\"deviceFamily\":\"DESKTOP\",\"os\":\"WINDOWS\"},{\"type\":\".ams.headers.ConsumerAuthentication\",\"jwt\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ\"}]}";

    private readonly EmulatorFixture _emulator;

    public ApiReferencePagesTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("Connection Establishment", Reference + "overview.md §Connection Establishment")]
    [Documented("cm.ConsumerRequestConversation", Reference + "overview.md §Interaction Commands (RequestConversation)")]
    public async Task Should_open_the_overviews_socket_and_answer_its_first_command()
    {
        // wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
        using var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        _emulator.ConsumerUri().Query.Should().Be("?v=3");
        var response = await client.SendDocumentedAsync(new DocumentedFrame(Reference + "new-conversation.md", "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"cm.ConsumerRequestConversation\"}"));
        response.ShouldBeResponse("1", 200, "cm.RequestConversationResponse").FieldNames().Should().Equal("conversationId");
    }

    [Fact]
    [Documented("InitConnection", Reference + "init-connection.md §Request (as printed: no id)")]
    public async Task Should_refuse_the_init_connection_sample_as_printed_for_its_missing_id()
    {
        await using var client = await _emulator.ConnectWithoutHeaderAsync();

        await client.SendAsync(InitConnectionSample);
        var response = await client.NextAsync(f => (string?)f["kind"] == "resp");

        response.FieldNames().Should().Equal(ResponseShape.ResponseFields);
        response["reqId"]!.Type.Should().Be(JTokenType.Null, "the frame has no id to echo");
        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be("Missing or invalid request id");
    }

    [Fact]
    [Documented("InitConnection", Reference + "init-connection.md §Request (with the schema's default id \"0\")")]
    [Documented("StringResponse", Reference + "init-connection.md §Response (assets/schema/infra/stringResp.json)")]
    public async Task Should_answer_the_init_connection_sample_with_the_schemas_default_id()
    {
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        // The page's editor fills the schema's default id ("0"); only the jwt.io token is not one the IdP issued.
        var frame = new DocumentedFrame(Reference + "init-connection.md", InitConnectionSample)
            .With("{\"type\": \"InitConnection\",", "{\"id\":\"0\",\"type\": \"InitConnection\",")
            .With("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ", await _emulator.SignupAsync());

        var response = await client.SendDocumentedAsync(frame);

        response.ShouldBeStringResponse("0", 200);
        var requested = await client.SendDocumentedAsync(new DocumentedFrame(Reference + "new-conversation.md", "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"cm.ConsumerRequestConversation\"}"));
        requested.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }

    [Fact]
    [Documented("cqm.SubscribeExConversations", Reference + "subscribe-to-conversation-metadata.md §Request (its \"type\" given twice)")]
    public async Task Should_refuse_the_subscribe_sample_for_its_repeated_key_and_still_name_its_id()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(Reference + "subscribe-to-conversation-metadata.md",
            "{\"type\":\"cqm.SubscribeExConversations\",\"id\":\"33\",\"body\":{\"minLastUpdatedTime\":1478089679,\"convState\":[\"OPEN\"]},\"type\":\"cqm.SubscribeExConversations\" }"));

        response.FieldNames().Should().Equal(ResponseShape.ResponseFields);
        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().StartWith("Malformed JSON");
    }

    [Fact]
    [Documented("cqm.SubscribeExConversations", Reference + "subscribe-to-conversation-metadata.md §Request (the repeated key given once)")]
    [Documented("cqm.SubscribeExConversationsResponse", Reference + "subscribe-to-conversation-metadata.md §Response")]
    [Documented("cqm.ExConversationChangeNotification", Reference + "subscribe-to-conversation-metadata.md §Notification")]
    public async Task Should_answer_the_subscribe_sample_and_notify_in_the_notification_samples_shape()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var frame = new DocumentedFrame(Reference + "subscribe-to-conversation-metadata.md",
            "{\"type\":\"cqm.SubscribeExConversations\",\"id\":\"33\",\"body\":{\"minLastUpdatedTime\":1478089679,\"convState\":[\"OPEN\"]},\"type\":\"cqm.SubscribeExConversations\" }")
            .With(",\"type\":\"cqm.SubscribeExConversations\" }", " }");

        var response = await client.SendDocumentedAsync(frame);

        var subscriptionId = (string)response.ShouldBeResponse("33", 200, "cqm.SubscribeExConversationsResponse")["subscriptionId"]!;
        ((JArray)(await client.NextAsync(IsNotification)).ShouldBeNotification("cqm.ExConversationChangeNotification")["changes"]!).Should().BeEmpty();
        var conversationId = await client.OpenConversationAsync();
        var notification = (await client.NextAsync(Change("UPSERT", HasAgent))).ShouldBeNotification("cqm.ExConversationChangeNotification");
        notification.FieldNames().Should().Equal("subscriptionId", "changes");
        ((string?)notification["subscriptionId"]).Should().Be(subscriptionId);
        var change = (JObject)notification["changes"]![0]!;
        change.FieldNames().Should().Equal("type", "result");
        var result = (JObject)change["result"]!;
        result.FieldNames().Should().Contain(["convId", "conversationDetails", "lastUpdateTime"]);
        ((string?)result["convId"]).Should().Be(conversationId);
        result["lastUpdateTime"]!.Type.Should().Be(JTokenType.Integer);
        var details = (JObject)result["conversationDetails"]!;
        ((JArray)details["participants"]!).Should().AllSatisfy(p => p.FieldNames().Should().Contain(["id", "role"]));
        ((string?)details["state"]).Should().Be("OPEN");
        details["startTs"]!.Type.Should().Be(JTokenType.Integer);
        ((JObject)details["ttr"]!).FieldNames().Should().Contain(["ttrType", "value"]);
    }
}
