using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>cm.UpdateConversationField as the API reference and the CSAT tutorial send it: close, TTR, CSAT (array or bare object), and the agents' fields.</summary>
public sealed class UpdateConversationFieldTests : IClassFixture<EmulatorFixture>
{
    private const string Reference = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/";
    private const string CsatTutorial = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/legacy-post-conversation-survey-csat.md";

    private readonly EmulatorFixture _emulator;

    public UpdateConversationFieldTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("cm.UpdateConversationField/TTRField", Reference + "close-conversationttr.md")]
    [Documented("cm.UpdateConversationField/TTRField", "assets/schema/cm/types/TTRChange.json")]
    public async Task Should_set_the_TTR_of_the_API_reference_and_show_it_in_the_metadata()
    {
        var (client, conversationId) = await OpenSubscribedAsync();
        await using var _ = client;
        var frame = new DocumentedFrame(Reference + "close-conversationttr.md",
            "{\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"hello\",\"conversationField\":[{\"field\":\"TTRField\",\"ttrType\":\"URGENT\",\"value\":300}]}}");

        var response = await client.SendDocumentedAsync(frame.With("\"conversationId\":\"hello\"", $"\"conversationId\":\"{conversationId}\""));

        response.ShouldBeStringResponse("0", 200);
        var details = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["ttr"]?["ttrType"] == "URGENT")));
        details["ttr"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"ttrType\":\"URGENT\",\"value\":300}");
    }

    [Fact]
    [Documented("cm.UpdateConversationField/CSATRate", Reference + "send-consumer-satisfaction-csat.md")]
    [Documented("cm.UpdateConversationField/CSATRate", "assets/schema/types/csat.json")]
    public async Task Should_take_the_API_references_CSAT_array_after_the_close()
    {
        var (client, conversationId) = await OpenSubscribedAsync();
        await using var _ = client;
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        var frame = new DocumentedFrame(Reference + "send-consumer-satisfaction-csat.md",
            "{\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"id\",\"conversationField\":[{\"field\":\"CSATRate\",\"csatRate\":1,\"csatResolutionConfirmation\":false,\"status\":\"FILLED\"}]}}");

        var response = await client.SendDocumentedAsync(frame.With("\"conversationId\":\"id\"", $"\"conversationId\":\"{conversationId}\""));

        response.ShouldBeStringResponse("0", 200);
        var details = Details(await client.NextAsync(Change("UPSERT", d => d["csat"] is not null)));
        details["csat"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"field\":\"CSATRate\",\"csatRate\":1,\"csatResolutionConfirmation\":false,\"status\":\"FILLED\"}",
            "the API reference's notification sample shows csat as sent");
    }

    [Fact]
    [Documented("cm.UpdateConversationField/CSATRate", CsatTutorial + " §Find the closed conversation ID and Post Survey")]
    [Documented("single-element arrays", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/protocol-overview.md §Single Element Arrays")]
    public async Task Should_take_the_CSAT_tutorials_bare_object_after_the_close()
    {
        var (client, conversationId) = await OpenSubscribedAsync();
        await using var _ = client;
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        var frame = new DocumentedFrame(CsatTutorial,
            "{\"kind\":\"req\",\"id\":\"AHDJE\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"__CONVERSATION_ID__\",\"conversationField\":{\"field\":\"CSATRate\",\"csatRate\":5,\"csatResolutionConfirmation\":true,\"status\":\"FILLED\"}}}");

        var response = await client.SendDocumentedAsync(frame.With("__CONVERSATION_ID__", conversationId));

        response.ShouldBeStringResponse("AHDJE", 200).Should().Be("OK CSAT updated successfully");
        var details = Details(await client.NextAsync(Change("UPSERT", d => d["csat"] is not null)));
        ((int)details["csat"]!["csatRate"]!).Should().Be(5);
        ((string?)details["state"]).Should().Be("CLOSE");
    }

    [Theory]
    [Documented("cm.UpdateConversationField/ParticipantsChange", "assets/schema/cm/types/ParticipantsChange.json")]
    [Documented("cm.UpdateConversationField/Skill", "assets/schema/cm/types/SkillChange.json")]
    [InlineData("{\"field\":\"ParticipantsChange\",\"type\":\"ADD\",\"role\":\"READER\"}", "ParticipantsChange")]
    [InlineData("{\"field\":\"Skill\",\"type\":\"UPDATE\",\"skill\":\"496645413\"}", "Skill")]
    public async Task Should_refuse_the_agents_fields_to_a_consumer(string field, string name)
    {
        var (client, conversationId) = await OpenSubscribedAsync();
        await using var _ = client;
        // The schema's own field (its enums and defaults): "ParticipantsChange (for agents)".
        var frame = new DocumentedFrame("assets/schema/cm/updateConversationFieldBody.json",
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"__CONVERSATION_ID__\",\"conversationField\":[" + field + "]}}");

        var response = await client.SendDocumentedAsync(frame.With("__CONVERSATION_ID__", conversationId));

        response.ShouldBeStringResponse("0", 400).Should().Be("Unsupported conversation field: " + name);
    }

    private async Task<(ConsumerClient Client, string ConversationId)> OpenSubscribedAsync()
    {
        var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var conversationId = await client.OpenConversationAsync();
        await client.NextAsync(Change("UPSERT", HasAgent));
        return (client, conversationId);
    }
}
