using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>Opening the socket: without headers then InitConnection (Avoid WebSocket Headers), with a Client-Properties header (Client Properties), and the API reference's new-conversation frame.</summary>
public sealed class ConnectionTests : IClassFixture<EmulatorFixture>
{
    private const string AvoidHeaders = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/avoid-websocket-headers.md";
    private const string ClientPropertiesPage = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/client-properties.md";

    private readonly EmulatorFixture _emulator;

    public ConnectionTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("InitConnection", AvoidHeaders)]
    [Documented("InitConnection", "assets/schema/ws/consumerRequests.json §InitConnection")]
    [Documented("InitConnection", "assets/schema/infra/consumerAuthenticationHeader.json")]
    [Documented("InitConnection", "assets/schema/infra/clientPropertiesHeader.json")]
    public async Task Should_authenticate_a_headerless_socket_with_the_tutorials_InitConnection()
    {
        // wscat -k 60 -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        var frame = new DocumentedFrame(AvoidHeaders,
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"InitConnection\",\"headers\":[{\"type\":\".ams.headers.ClientProperties\",\"deviceFamily\":\"MOBILE\",\"os\":\"ANDROID\"},{\"type\":\".ams.headers.ConsumerAuthentication\",\"jwt\":\"__YOUR_JWT__\"}]}");

        var response = await client.SendDocumentedAsync(frame.With("__YOUR_JWT__", await _emulator.SignupAsync()));

        response.ShouldBeStringResponse("0", 200);
        // "From that point the protocol can continue in the same way."
        var requested = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/getting-started.md §Step 4", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        requested.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }

    [Fact]
    [Documented("Client-Properties", ClientPropertiesPage)]
    public async Task Should_open_the_socket_with_the_tutorials_Client_Properties_header()
    {
        // LP_PROPS='{"type":".ClientProperties","deviceFamily":"MOBILE","os":"ANDROID"}'
        // wscat -k 60 -H "Authorization:jwt $LP_JWT" -H "Client-Properties:$LP_PROPS" -c "wss://…"
        using var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        socket.Options.SetRequestHeader("Client-Properties", "{\"type\":\".ClientProperties\",\"deviceFamily\":\"MOBILE\",\"os\":\"ANDROID\"}");
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        var requested = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/getting-started.md §Step 4", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        requested.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }

    [Fact]
    [Documented("cm.ConsumerRequestConversation", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/new-conversation.md")]
    [Documented("cm.RequestConversationResponse", "assets/schema/ws/consumerResponses.json §RequestConversationResponse")]
    public async Task Should_answer_the_API_references_new_conversation_frame()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/new-conversation.md",
            "{\"type\":\"cm.ConsumerRequestConversation\",\"id\":\"A3HC\"}"));

        response.ShouldBeResponse("A3HC", 200, "cm.RequestConversationResponse").FieldNames().Should().Equal("conversationId");
    }

    [Fact]
    [Documented("cm.ConsumerRequestConversation", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/post-conversation-survey-pcs.md §Step 5")]
    public async Task Should_answer_the_PCS_tutorials_request_with_campaign_and_context()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/post-conversation-survey-pcs.md §Step 5",
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"cm.ConsumerRequestConversation\",\"body\":{\"channelType\":\"MESSAGING\",\"ttrDefName\":null,\"campaignInfo\":{\"campaignId\":418732213,\"engagementId\":425842913},\"conversationContext\":{\"visitorId\":\"NmNDQ5OWU1MjM1NjBlZTAz\",\"sessionId\":\"DHE_fICSTZ2gx5IsljFcwQ\",\"interactionContextId\":\"1\",\"type\":\"SharkContext\",\"lang\":\"en-US\"}}}"));

        response.ShouldBeResponse("0", 200, "cm.RequestConversationResponse").FieldNames().Should().Equal("conversationId");
    }
}
