using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The agent's seat in Manual mode: nothing happens until a person accepts, types, answers, reads and closes.</summary>
public sealed class AgentSeatTests : IClassFixture<AgentSeatTests.ManualEmulator>
{
    private readonly ManualEmulator _emulator;

    public AgentSeatTests(ManualEmulator emulator) => _emulator = emulator;

    private AgentSeat Seat => _emulator.Server.AgentSeat;

    private static Func<JObject, bool> AgentEvent(string type) => f =>
        FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["type"] == type;

    [Fact]
    public async Task Should_let_a_person_play_the_whole_agent_side()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversation));
        Seat.LatestConversation(_emulator.Account).Should().Be(conversation);

        // Manual: no agent until accepted, and the agent cannot speak before that.
        await client.NextAsync(Change("UPSERT", d => !HasAgent(d)));
        Seat.Say(_emulator.Account, conversation, "too early").Should().Be(new AgentActionResult(false, "the agent has not accepted this conversation: 'agent accept' first"));
        Seat.Accept(_emulator.Account, conversation).Ok.Should().BeTrue();
        await client.NextAsync(Change("UPSERT", HasAgent));
        Seat.Accept(_emulator.Account, conversation).Ok.Should().BeFalse();

        // Typing, then a line; the consumer writes back; the agent reads it.
        Seat.Typing(_emulator.Account, conversation, composing: true).Ok.Should().BeTrue();
        ((string?)FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ChatStateEvent")))["event"]!["chatState"]).Should().Be("COMPOSING");
        var said = Seat.Say(_emulator.Account, conversation, "Hello, how can I help?");
        said.Sequence.Should().Be(0);
        var line = FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ContentEvent")));
        ((string?)line["event"]!["message"]).Should().Be("Hello, how can I help?");
        await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "my order is late"));
        var read = Seat.Read(_emulator.Account, conversation);
        read.Should().Be(new AgentActionResult(true, "read the consumer's messages 1", 3));
        var accept = FrameMatch.FirstChange(await client.NextAsync(f => AgentEvent("AcceptStatusEvent")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["status"] == "ACCEPT"));
        accept["event"]!["sequenceList"]!.Values<int>().Should().Equal(1);
        ((int)accept["sequence"]!).Should().Be(2);
        await client.NextAsync(f => AgentEvent("AcceptStatusEvent")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["status"] == "READ");
        Seat.Read(_emulator.Account, conversation).Message.Should().Be("nothing to read: no consumer message since the last read");

        // The agent closes: closeReason AGENT, and the seat then refuses to act.
        Seat.Close(_emulator.Account, conversation).Ok.Should().BeTrue();
        var closed = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)closed["closeReason"]).Should().Be("AGENT");
        ((string?)closed["dialogs"]![0]!["closedBy"]).Should().Be("AGENT");
        Seat.Say(_emulator.Account, conversation, "hello?").Message.Should().Be($"conversation {conversation} is closed");
    }

    [Fact]
    public async Task Should_switch_to_auto_at_run_time_and_answer_from_then_on()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversation));
        Seat.Accept(_emulator.Account, conversation);

        Seat.Mode = AgentMode.Auto;
        try
        {
            await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "anyone?"));
            var answer = FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ContentEvent")));
            ((string?)answer["event"]!["message"]).Should().Be("You said: anyone?");
        }
        finally
        {
            Seat.Mode = AgentMode.Manual;
        }
    }

    [Fact]
    public void Should_not_find_a_conversation_of_another_account_or_an_unknown_one()
    {
        Seat.Accept("no-such-account", "c1").Message.Should().Be("conversation c1 not found in account no-such-account");
        Seat.Close(_emulator.Account, Guid.NewGuid().ToString()).Ok.Should().BeFalse();
    }

    public sealed class ManualEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Agent = AgentMode.Manual, AgentDelay = TimeSpan.FromMilliseconds(50) };
    }
}
