using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>One consumer can never see or touch another's conversation, even knowing its id.</summary>
public sealed class IsolationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public IsolationTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_answer_404_to_a_consumer_using_another_consumers_dialog()
    {
        await using var alice = await _emulator.NewConsumerAsync();
        await using var bob = await _emulator.NewConsumerAsync();
        var aliceConversation = await alice.OpenConversationAsync();
        await alice.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(aliceConversation));
        await alice.RequestAsync("ms.PublishEvent", Requests.Text(aliceConversation, "private"));
        // The agent's last change for a message is its READ.
        await alice.NextAsync(f => FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["status"] == "READ");

        var subscribe = await bob.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(aliceConversation));
        var publish = await bob.RequestAsync("ms.PublishEvent", Requests.Text(aliceConversation, "intruder"));
        var close = await bob.RequestAsync("cm.UpdateConversationField", Requests.Close(aliceConversation));
        // A round trip after the others: anything the emulator sent bob has arrived by now.
        await bob.RequestAsync("GetClock");

        ((int)subscribe["code"]!).Should().Be(404);
        ((int)publish["code"]!).Should().Be(404);
        ((string?)publish["body"]).Should().Be("Dialog not found");
        ((int)close["code"]!).Should().Be(404);
        bob.Frames.Should().OnlyContain(f => (string?)f["kind"] == "resp");
        bob.Frames.Should().NotContain(f => f.ToString().Contains("private"));

        // Alice's conversation is untouched: still open, and nothing of bob's landed in it.
        var aliceAgain = await alice.RequestAsync("ms.PublishEvent", Requests.Text(aliceConversation, "still mine"));
        ((int)aliceAgain["code"]!).Should().Be(200);
        // "private" (0), the agent's ACCEPT of it (1), its answer (2) and READ (3): nothing of bob's.
        ((int)aliceAgain["body"]!["sequence"]!).Should().Be(4);
        alice.Frames.Should().NotContain(f => f.ToString().Contains("intruder"));
    }

    [Fact]
    public async Task Should_fan_out_to_every_connection_of_the_same_consumer_only()
    {
        var jwt = await _emulator.SignupAsync();
        await using var phone = await _emulator.ConnectAsync(jwt);
        await using var laptop = await _emulator.ConnectAsync(jwt);
        await using var stranger = await _emulator.NewConsumerAsync();
        var conversationId = await phone.OpenConversationAsync();
        await laptop.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversationId));
        await stranger.OpenConversationAsync();

        await phone.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "from the phone"));

        var seen = FrameMatch.FirstChange(await laptop.NextAsync(FrameMatch.ChangeFrom("CONSUMER")));
        ((string?)seen["event"]!["message"]).Should().Be("from the phone");
        await stranger.RequestAsync("GetClock");
        stranger.Frames.Should().NotContain(f => f.ToString().Contains("from the phone"));
    }

    [Fact]
    public async Task Should_not_let_another_consumer_read_receipt_rate_or_see_the_metadata_of_a_conversation()
    {
        await using var alice = await _emulator.NewConsumerAsync();
        await using var bob = await _emulator.NewConsumerAsync();
        var aliceConversation = await alice.OpenConversationAsync();
        await alice.RequestAsync("ms.PublishEvent", Requests.Text(aliceConversation, "secret order 1234"));

        // Bob: a READ receipt, a CSAT, a TTR change and a metadata subscription, all naming alice's conversation.
        var read = await bob.RequestAsync("ms.PublishEvent", new { dialogId = aliceConversation, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = new[] { 0 } } });
        var csat = await bob.RequestAsync("cm.UpdateConversationField", Requests.Field(aliceConversation, Requests.Csat()));
        var ttr = await bob.RequestAsync("cm.UpdateConversationField", Requests.Field(aliceConversation, new { field = "TTRField", ttrType = "URGENT", value = 60 }));
        await bob.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var snapshot = await bob.NextAsync(ExConversationMatch.IsNotification);
        await bob.RequestAsync("GetClock");

        ((int)read["code"]!).Should().Be(404);
        ((int)csat["code"]!).Should().Be(404);
        ((string?)csat["body"]).Should().Be("Conversation not found");
        ((int)ttr["code"]!).Should().Be(404);
        ((JArray)snapshot["body"]!["changes"]!).Should().BeEmpty("bob has no conversation, and alice's is not his to see");
        bob.Frames.Should().NotContain(f => f.ToString().Contains(aliceConversation) && (string?)f["kind"] == "notification");
        bob.Frames.Should().NotContain(f => f.ToString().Contains("secret order"));

        // Alice's conversation kept its default TTR and has no CSAT.
        await alice.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var mine = ExConversationMatch.Details(await alice.NextAsync(ExConversationMatch.Change("UPSERT")));
        ((string?)mine["ttr"]!["ttrType"]).Should().Be("PRIORITIZED");
        mine["csat"].Should().BeNull();
    }
}
