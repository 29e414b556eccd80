using System.Net;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Getting Started tutorial: a signup token, the socket opened with it, a new conversation; and the page's own (LivePerson-signed) token.</summary>
public sealed class GettingStartedTests : IClassFixture<GettingStartedTests.TutorialAccountEmulator>
{
    private const string Page = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/getting-started.md";

    // Step 6's LP_JWT, verbatim: a real signup token of account qa57221676, signed by LivePerson's key.
    private const string PagesOwnJwt = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJmMDY4ZTllZi1lMzkzLTQxYTEtYmMyYy1hOTZhOWZmMGY2ZmIiLCJhdWQiOiJhY2M6cWE1NzIyMTY3NiIsImlzcyI6Imh0dHBzOlwvXC9pZHAubGl2ZXBlcnNvbi5uZXQiLCJleHAiOjE4ODIwMjM2MzIsImlhdCI6MTQ3MTc4MzU5Mn0.HUJe1CZzqzRoJJxoTll_vDvRalKIeJJRt2MEhY-aFq__V6lrN-ebrRxydozm-gjbpMecKiZDZZiJPw3hf560iKbW-gK1AzsfHxiPrxMdg_TRZqsNhXui_7k579IpfAvKSdgQHZ5uLfGq2XtQNfBdvKWPCIAfW8mJ7oZT-aNMhjE";

    private readonly TutorialAccountEmulator _emulator;

    public GettingStartedTests(TutorialAccountEmulator emulator) => _emulator = emulator;

    [Fact]
    [Documented("POST /api/account/{accountId}/signup", Page + " §Step 2")]
    [Documented("POST /api/account/{accountId}/signup", "pages/… permalink common-consumer-token-creation.html §Unauthenticated Consumer Token")]
    public async Task Should_sign_up_a_consumer_whose_token_decodes_like_the_pages_sample()
    {
        // LP_JWT=`curl -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`
        var (status, body) = await _emulator.Http.PostJsonAsync($"api/account/{_emulator.Account}/signup");

        status.Should().Be(HttpStatusCode.OK);
        body.FieldNames().Should().Equal("jwt");
        var jwt = (string)body["jwt"]!;
        Jwt.DecodeText(Jwt.Parts(jwt)[0]).Should().Be("{\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}", "the header of the page's sample token");
        var payload = Jwt.Payload(jwt);
        payload.FieldNames().Should().Equal("sub", "aud", "iss", "exp", "iat");
        ((string?)payload["aud"]).Should().Be("acc:" + _emulator.Account);
        Jwt.PayloadText(jwt).Should().Contain("\"iss\":\"https:\\/\\/idp.liveperson.net\"");
        payload["exp"]!.Type.Should().Be(JTokenType.Integer);
    }

    [Fact]
    [Documented("cm.ConsumerRequestConversation", Page + " §Step 4")]
    [Documented("cm.RequestConversationResponse", Page + " §Step 4")]
    public async Task Should_open_the_socket_and_answer_the_new_conversation_request()
    {
        // wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://…/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(Page + " §Step 4", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));

        var body = response.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
        body.FieldNames().Should().Equal("conversationId");
        body["conversationId"]!.Type.Should().Be(JTokenType.String);
        ((string)body["conversationId"]!).Length.Should().BeInRange(1, 64, "cm/consumerRequestConversationResp.json");
    }

    [Fact]
    [Documented("close/4401", Page + " §Step 6")]
    public async Task Should_refuse_the_pages_own_token_with_4401_as_its_signature_is_not_the_emulators()
    {
        using var socket = _emulator.CreateSocket("jwt " + PagesOwnJwt);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Unauthorized: bad token signature");
    }

    /// <summary>The emulator serving the tutorials' account, qa57221676.</summary>
    public sealed class TutorialAccountEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { DefaultAccount = "qa57221676", AgentDelay = TimeSpan.FromMilliseconds(50) };
    }
}
