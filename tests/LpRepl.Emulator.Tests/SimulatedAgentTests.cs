using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class SimulatedAgentTests : IClassFixture<SimulatedAgentTests.ManualAgentEmulator>
{
    private readonly ManualAgentEmulator _emulator;

    public SimulatedAgentTests(ManualAgentEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_let_a_manual_agent_speak_into_an_open_conversation_only()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversationId));
        await client.RequestAsync("ms.PublishEvent", Requests.Text(conversationId, "is anyone there?"));

        var sequence = _emulator.Server.Agent.Say(_emulator.Account, conversationId, "Hello, how can I help?");
        var line = FrameMatch.FirstChange(await client.NextAsync(FrameMatch.ChangeFrom("ASSIGNED_AGENT")));
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));

        sequence.Should().Be(1);
        ((string?)line["event"]!["message"]).Should().Be("Hello, how can I help?");
        ((int)line["sequence"]!).Should().Be(1);
        _emulator.Server.Agent.Say(_emulator.Account, conversationId, "too late").Should().BeNull();
        _emulator.Server.Agent.Say("99999", conversationId, "wrong account").Should().BeNull();
        // In Manual mode the only agent line is the one we asked for: no automatic "You said:".
        client.Frames.Should().NotContain(f => f.ToString().Contains("You said"));
    }

    public sealed class ManualAgentEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Agent = AgentMode.Manual, AgentDelay = TimeSpan.Zero };
    }
}
