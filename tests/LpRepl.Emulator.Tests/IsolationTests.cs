using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>One consumer can never see or touch another's conversation, even knowing its id.</summary>
public sealed class IsolationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public IsolationTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact(Timeout = 30_000)]
    public async Task Should_answer_404_to_a_consumer_using_another_consumers_dialog()
    {
        await using var alice = await _emulator.NewConsumerAsync();
        await using var bob = await _emulator.NewConsumerAsync();
        var aliceConversation = await alice.OpenConversationAsync();
        await alice.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(aliceConversation));
        await alice.RequestAsync("ms.PublishEvent", Requests.Text(aliceConversation, "private"));
        await alice.NextAsync(FrameMatch.ChangeFrom("ASSIGNED_AGENT"));

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
        ((int)aliceAgain["body"]!["sequence"]!).Should().Be(2);
        alice.Frames.Should().NotContain(f => f.ToString().Contains("intruder"));
    }

    [Fact(Timeout = 30_000)]
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
}
