using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Messaging Window API's overview page: retrieve the domain of asyncMessagingEnt, then open the socket there.</summary>
public sealed class MessagingWindowOverviewTests : IClassFixture<EmulatorFixture>
{
    private const string Page = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/overview.md";

    private readonly EmulatorFixture _emulator;

    public MessagingWindowOverviewTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("GET /api/account/{accountId}/service/{serviceName}/baseURI.json", Page + " §Getting Started (1. Retrieve your domain: asyncMessagingEnt)")]
    public async Task Should_name_the_asyncMessagingEnt_domain_the_socket_opens_on()
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/service/asyncMessagingEnt/baseURI.json?version=1.0");
        status.Should().Be(HttpStatusCode.OK);
        var domain = (string)body["baseURI"]!;

        // wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3
        using var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        await socket.ConnectAsync(new Uri($"wss://{domain}/ws_api/account/{_emulator.Account}/messaging/consumer?v=3"), Deadline.After());
        await using var client = new ConsumerClient(socket);

        var response = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/getting-started.md §Step 4", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        response.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }
}
