using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class ConversationRulesTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConversationRulesTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_allow_only_one_open_conversation_per_consumer()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var first = await client.OpenConversationAsync();

        var second = await client.RequestAsync("cm.ConsumerRequestConversation", new { brandId = _emulator.Account, skillId = "-1" });

        ((int)second["code"]!).Should().Be(400);
        ((string?)second["type"]).Should().Be("cm.RequestConversationResponse");
        ((string?)second["body"]).Should().Be("There is already an open conversation");

        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(first));
        var third = await client.OpenConversationAsync();
        third.Should().NotBe(first);
    }

    [Fact]
    public async Task Should_refuse_publishing_to_a_closed_dialog_and_closing_twice()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));

        var publish = await client.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "anyone?"));
        var closeAgain = await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));

        ((int)publish["code"]!).Should().Be(400);
        ((string?)publish["body"]).Should().Be("Dialog is closed");
        ((string?)publish["type"]).Should().Be("ms.PublishEventResponse");
        ((int)closeAgain["code"]!).Should().Be(400);
        ((string?)closeAgain["body"]).Should().Be("Conversation is already closed");
    }

    [Fact]
    public async Task Should_answer_404_for_unknown_dialogs_and_conversations()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var unknown = Guid.NewGuid().ToString();

        var publish = await client.RequestAsync("ms.PublishEvent", Requests.Text(unknown, "hello"));
        var subscribe = await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(unknown));
        var close = await client.RequestAsync("cm.UpdateConversationField", Requests.Close(unknown));

        ((int)publish["code"]!).Should().Be(404);
        ((string?)publish["body"]).Should().Be("Dialog not found");
        ((int)subscribe["code"]!).Should().Be(404);
        ((int)close["code"]!).Should().Be(404);
        ((string?)close["body"]).Should().Be("Conversation not found");
    }

    [Fact]
    public async Task Should_refuse_unsupported_conversation_fields_without_closing()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();

        // ParticipantsChange is agent-only: the whole request is refused, the close included.
        var participants = await client.RequestAsync("cm.UpdateConversationField", new
        {
            conversationId,
            conversationField = new object[]
            {
                new { field = "ConversationStateField", conversationState = "CLOSE" },
                new { field = "ParticipantsChange", type = "ADD", role = "READER" },
            },
        });
        var publish = await client.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "still open?"));

        ((int)participants["code"]!).Should().Be(400);
        ((string?)participants["body"]).Should().Be("Unsupported conversation field: ParticipantsChange");
        ((int)publish["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_keep_history_across_reconnects()
    {
        var jwt = await _emulator.SignupAsync();
        string conversationId;
        int two;
        await using (var first = await _emulator.ConnectAsync(jwt))
        {
            conversationId = await first.OpenConversationAsync();
            await first.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversationId));
            await first.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "one"));
            await first.NextAsync(Answer("one"));
            two = (int)(await first.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "two")))["body"]!["sequence"]!;
            await first.NextAsync(Answer("two"));
            await first.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        }

        await using var second = await _emulator.ConnectAsync(jwt);
        var subscribed = await second.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversationId, fromSeq: two));
        var history = await second.NextAsync(FrameMatch.IsMessagingNotification);

        ((int)subscribed["code"]!).Should().Be(200);
        var changes = ((JArray)history["body"]!["changes"]!).Cast<JObject>().ToList();
        // "two", the agent's ACCEPT of it, its answer, then its READ of "two" (taken with the answer).
        changes.Select(c => (int)c["sequence"]!).Should().Equal(two, two + 1, two + 2, two + 3);
        changes.Select(c => (string?)c["event"]!["message"]).Should().Equal("two", null, "You said: two", null);
        changes.Select(c => (string?)c["originatorMetadata"]!["role"]).Should().Equal("CONSUMER", "ASSIGNED_AGENT", "ASSIGNED_AGENT", "ASSIGNED_AGENT");
    }

    private static Func<JObject, bool> Answer(string text) =>
        f => FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["message"] == "You said: " + text;
}
