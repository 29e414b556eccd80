using System.Net.WebSockets;
using LpRepl.Emulator.Faults;
using LpRepl.Emulator.Tests.Support;
using LpRepl.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LpRepl.Emulator.Tests;

/// <summary>Delayed and reordered outbound frames, on a test clock: a delay ends when the clock is moved, never by waiting.</summary>
public sealed class FaultOrderTests : IClassFixture<FaultOrderTests.FakeClockEmulator>, IDisposable
{
    private readonly FakeClockEmulator _emulator;

    public FaultOrderTests(FakeClockEmulator emulator) => _emulator = emulator;

    private FaultInjector Faults => _emulator.Server.Faults;

    public void Dispose() => Faults.Reset();

    [Fact]
    public async Task Should_delay_every_outbound_frame_and_keep_their_order()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Delay(TimeSpan.FromSeconds(5)).Message.Should().Be("delaying every outbound frame 5000 ms (1 consumer socket open, later ones too)");

        await SendGetClocksAsync(client, "d1", "d2", "d3");
        // All three answered before the clock moves: the first waits out the delay, two queue behind it.
        await Until.TrueAsync(() => Faults.Delayed == 1 && Faults.Queued == 3, "the first answer waits out the delay, two behind it");
        client.Frames.Should().BeEmpty();
        _emulator.Clock.Advance(TimeSpan.FromSeconds(5));

        await client.NextAsync(f => (string?)f["reqId"] == "d3");
        client.Frames.Select(f => (string?)f["reqId"]).Should().Equal("d1", "d2", "d3");
    }

    [Fact]
    public async Task Should_send_a_delayed_frame_at_once_when_the_delay_is_turned_off()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Delay(TimeSpan.FromMinutes(10));
        await SendGetClocksAsync(client, "late");
        await Until.TrueAsync(() => Faults.Delayed == 1, "the answer waits out the delay");

        Faults.Delay(TimeSpan.Zero).Message.Should().Be("delay off (1 consumer socket open)");

        await client.NextAsync(f => (string?)f["reqId"] == "late");
    }

    [Fact]
    public async Task Should_swap_each_pair_of_consecutive_frames_while_reordering_and_not_after()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Reorder(true).Sockets.Should().Be(1);

        await SendGetClocksAsync(client, "r1", "r2", "r3", "r4");
        await client.NextAsync(f => (string?)f["reqId"] == "r3");
        Faults.Reorder(false).Message.Should().Be("reorder off (1 consumer socket open)");
        await SendGetClocksAsync(client, "r5", "r6");
        await client.NextAsync(f => (string?)f["reqId"] == "r6");

        client.Frames.Select(f => (string?)f["reqId"]).Should().Equal("r2", "r1", "r4", "r3", "r5", "r6");
    }

    [Fact]
    public async Task Should_send_a_held_frame_before_the_close_frame()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Reorder(true);
        await SendGetClocksAsync(client, "held");
        // No second frame comes on the test clock, so the answer stays held until the close.
        await Until.TrueAsync(() => Faults.Holding == 1, "the answer is held for a frame to swap with");

        Faults.Close(4000, "Closing after a held frame");

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4000);
        client.Frames.Select(f => (string?)f["reqId"]).Should().Equal("held");
    }

    private static async Task SendGetClocksAsync(ConsumerClient client, params string[] ids)
    {
        foreach (var id in ids)
        {
            await client.SendAsync($"{{\"kind\":\"req\",\"id\":\"{id}\",\"type\":\"GetClock\"}}");
        }
    }

    public sealed class FakeClockEmulator : EmulatorFixture
    {
        // Starts now: the emulator's certificates are valid from its clock's time.
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override EmulatorOptions CreateOptions() => new() { Time = Clock, Agent = AgentMode.Silent };
    }
}
