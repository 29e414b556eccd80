using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>
/// The CoBrowse and the Voice and Video Calls tutorials: their Step 1 InitConnection, which asks for
/// the CO_BROWSE feature. Their later steps start in the Agent Workspace (the invitation) and go on in
/// the browser (lpTag events), which the emulator does not play.
/// </summary>
public sealed class BrowserSessionTutorialTests : IClassFixture<EmulatorFixture>
{
    private const string Tutorials = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/";

    private readonly EmulatorFixture _emulator;

    public BrowserSessionTutorialTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData("cobrowse.md", "...")]
    [InlineData("voice-and-video-calls.md", "…")]
    [Documented("InitConnection", Tutorials + "cobrowse.md §Step 1")]
    [Documented("InitConnection", Tutorials + "voice-and-video-calls.md §Step 1")]
    public async Task Should_initialize_a_headerless_socket_with_the_tutorials_CO_BROWSE_client_properties(string page, string jwtPlaceholder)
    {
        await using var client = await _emulator.ConnectWithoutHeaderAsync();
        // Printed over several lines; the jwt is the page's own placeholder.
        var frame = new DocumentedFrame(Tutorials + page + " §Step 1",
            "{\n   \"id\":\"0\",\n   \"type\":\"InitConnection\",\n   \"headers\":[\n      {\n         \"type\":\".ams.headers.ClientProperties\",\n         \"deviceFamily\":\"DESKTOP\",\n         \"os\":\"WINDOWS\",\n         \"features\":[\n            \"CO_BROWSE\"\n         ]\n      },\n      {\n         \"type\":\".ams.headers.ConsumerAuthentication\",\n         \"jwt\":\"" + jwtPlaceholder + "\"\n      }\n   ]\n}");

        var response = await client.SendDocumentedAsync(frame.With("\"" + jwtPlaceholder + "\"", "\"" + await _emulator.SignupAsync() + "\""));

        response.ShouldBeStringResponse("0", 200);
        // Step 2: "Start a messaging conversation … subscribe to Conversation Metadata".
        var subscribed = await client.SendDocumentedAsync(new DocumentedFrame(Tutorials + "conversation-metadata.md §Step 1",
            "{\"kind\":\"req\",\"id\":\"33\",\"body\":{\"minLastUpdatedTime\":0,\"convState\":[\"OPEN\",\"CLOSE\"]},\"type\":\"cqm.SubscribeExConversations\"    }"));
        subscribed.ShouldBeResponse("33", 200, "cqm.SubscribeExConversationsResponse");
        var requested = await client.SendDocumentedAsync(new DocumentedFrame(Tutorials + page + " §Step 2 (the previous tutorials' request)", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        requested.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }
}
