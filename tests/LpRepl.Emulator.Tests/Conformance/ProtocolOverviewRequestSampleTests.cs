using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The protocol overview's first request sample, an agent's request (cm.AgentRequestConversation), sent on a consumer's socket.</summary>
public sealed class ProtocolOverviewRequestSampleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    [Documented("req", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Requests, Responses and Notifications")]
    public async Task Should_answer_the_agents_request_sample_with_an_error_that_names_its_id()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Requests, Responses and Notifications",
            "{\n    \"kind\" : \"req\",\n    \"type\" : \"cm.AgentRequestConversation\",\n    \"id\" : \"hsjshka8162s\",\n    \"body\" : { \"ttrDefName\" : \"NORMAL\" }\n}"));

        // "The server will reply with the same id in the response message as the value of the reqId field."
        // No consumer request has this type (assets/schema/ws/consumerRequests.json).
        response.ShouldBeStringResponse("hsjshka8162s", 400).Should().StartWith("Unknown request type: cm.AgentRequestConversation");
    }
}
