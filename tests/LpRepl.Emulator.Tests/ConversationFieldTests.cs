using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>cm.UpdateConversationField beyond ConversationStateField: DialogChange, Stage, TTRField, CSATRate.</summary>
public sealed class ConversationFieldTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConversationFieldTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_close_the_conversation_with_a_DialogChange_on_the_main_dialog()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();
        var change = new { field = "DialogChange", type = "UPDATE", dialog = new { dialogId = conversationId, state = "CLOSE", closedCause = "Closed by consumer" } };
        var unknownDialog = new { field = "DialogChange", type = "UPDATE", dialog = new { dialogId = Guid.NewGuid().ToString(), state = "CLOSE" } };

        var wrongDialog = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, unknownDialog));
        var closed = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new[] { change }));
        var again = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, change));
        var publish = await client.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "anyone?"));
        await client.RequestAsync("cqm.SubscribeExConversations", new { });
        var details = Details(await client.NextAsync(IsNotification));

        ((int)wrongDialog["code"]!).Should().Be(404);
        ((string?)wrongDialog["body"]).Should().Be("Dialog not found");
        ((int)closed["code"]!).Should().Be(200);
        ((string?)closed["body"]).Should().Be("OK Conversation resolved successfully");
        ((int)again["code"]!).Should().Be(400);
        ((string?)again["body"]).Should().Be("Dialog is already closed");
        ((string?)publish["body"]).Should().Be("Dialog is closed");
        ((string?)details["state"]).Should().Be("CLOSE");
        ((string?)details["dialogs"]![0]!["closedCause"]).Should().Be("Closed by consumer");
        ((string?)details["dialogs"]![0]!["closedBy"]).Should().Be("CONSUMER");
    }

    [Fact]
    public async Task Should_close_the_whole_conversation_with_Stage_CLOSE()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();

        var badStage = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "Stage", conversationState = "OPEN" }));
        var closed = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "Stage", conversationState = "CLOSE" }));
        var again = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "Stage", conversationState = "CLOSE" }));

        ((int)badStage["code"]!).Should().Be(400);
        ((string?)closed["body"]).Should().Be("OK Conversation resolved successfully");
        ((int)again["code"]!).Should().Be(400);
        ((string?)again["body"]).Should().Be("Conversation is already closed");
        (await client.OpenConversationAsync()).Should().NotBe(conversationId);
    }

    [Fact]
    public async Task Should_update_the_ttr_of_an_open_conversation_only()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));

        var badType = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "TTRField", ttrType = "SOON", value = 1 }));
        var ttr = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "TTRField", ttrType = "URGENT", value = 300 }));
        var change = await client.NextAsync(Change("UPSERT", d => (string?)d["ttr"]!["ttrType"] == "URGENT"));
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        var afterClose = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "TTRField", ttrType = "NORMAL", value = 60 }));

        ((int)badType["code"]!).Should().Be(400);
        ((string?)badType["body"]).Should().Be("body.conversationField.ttrType: \"SOON\" is not one of CUSTOM, NORMAL, PRIORITIZED, URGENT");
        ((string?)ttr["body"]).Should().Be("OK TTR updated successfully");
        ((int)Details(change)["ttr"]!["value"]!).Should().Be(300);
        ((int)afterClose["code"]!).Should().Be(400);
        ((string?)afterClose["body"]).Should().Be("Conversation is closed");
    }

    [Theory]
    [InlineData(0, true, "FILLED", "body.conversationField.csatRate: 0 is not one of 1, 2, 3, 4, 5")]
    [InlineData(6, true, "FILLED", "body.conversationField.csatRate: 6 is not one of 1, 2, 3, 4, 5")]
    [InlineData(3, null, "FILLED", "body.conversationField.csatResolutionConfirmation: expected a boolean, found null")]
    [InlineData(3, false, "DONE", "body.conversationField.status: \"DONE\" is not one of FILLED, PARTIALLY_FILLED, SKIPPED")]
    public async Task Should_answer_400_to_an_invalid_csat(int rate, bool? confirmation, string status, string expected)
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();

        var response = await client.RequestAsync("cm.UpdateConversationField", Requests.Field(conversationId, new { field = "CSATRate", csatRate = rate, csatResolutionConfirmation = confirmation, status }));

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }
}
