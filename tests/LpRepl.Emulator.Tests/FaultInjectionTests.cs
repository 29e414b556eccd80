using System.Net.WebSockets;
using LpRepl.Emulator.Faults;
using LpRepl.Emulator.Tests.Support;
using LpRepl.Testing;

namespace LpRepl.Emulator.Tests;

/// <summary>Drop, close and freeze (<see cref="EmulatorServer.Faults"/>) on real sockets; each test leaves the faults off.</summary>
public sealed class FaultInjectionTests : IClassFixture<FaultInjectionTests.FaultEmulator>, IDisposable
{
    private readonly FaultEmulator _emulator;

    public FaultInjectionTests(FaultEmulator emulator) => _emulator = emulator;

    private FaultInjector Faults => _emulator.Server.Faults;

    public void Dispose() => Faults.Reset();

    [Fact]
    public async Task Should_drop_every_open_socket_without_a_close_frame()
    {
        await using var first = await _emulator.NewConsumerAsync();
        await using var second = await _emulator.NewConsumerAsync();

        var result = Faults.Drop();

        result.Should().Be(new FaultResult("drop", 2, "dropped 2 consumer sockets (no close frame)"));
        (await first.Closed.WaitAsync(Deadline.After())).Should().BeNull("the connection ended without a close frame");
        (await second.Closed.WaitAsync(Deadline.After())).Should().BeNull();
        first.CloseDescription.Should().BeNull();
        await Until.TrueAsync(() => Faults.Status.OpenSockets == 0, "the server forgot the dropped sockets");
    }

    [Fact]
    public async Task Should_close_every_open_socket_with_the_code_and_reason_given()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var result = Faults.Close(4123, "Testing a close");

        result.Sockets.Should().Be(1);
        result.Message.Should().Be("closed 1 consumer socket with 4123 Testing a close");
        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4123);
        client.CloseDescription.Should().Be("Testing a close");
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(2999)]
    [InlineData(5000)]
    public void Should_refuse_a_close_code_no_close_frame_may_carry(int code)
    {
        var act = () => Faults.Close(code, "");

        act.Should().Throw<ArgumentException>().WithMessage($"close code {code} cannot be sent: use 1000-1003, 1007-1014 or 3000-4999*");
    }

    [Fact]
    public void Should_refuse_a_reason_longer_than_a_close_frame_holds()
    {
        FaultInjector.CloseProblem(4000, new string('é', 62)).Should().Be("close reason is 124 bytes of UTF-8; a close frame holds at most 123");
        FaultInjector.CloseProblem(1011, new string('x', 123)).Should().BeNull();
    }

    [Fact]
    public async Task Should_hold_a_request_while_frozen_and_answer_it_after_the_thaw()
    {
        await using var client = await _emulator.NewConsumerAsync();

        Faults.Freeze().Sockets.Should().Be(1);
        await client.SendAsync("{\"kind\":\"req\",\"id\":\"frozen\",\"type\":\"GetClock\"}");
        // The server has the request's bytes and holds them: nothing above the stream saw it.
        await Until.TrueAsync(() => Faults.Held > 0, "the frozen socket holds the request");
        client.Frames.Should().BeEmpty();
        Faults.Status.FrozenSockets.Should().Be(1);

        Faults.Thaw().Sockets.Should().Be(1);

        var answer = await client.NextAsync(f => (string?)f["reqId"] == "frozen");
        ((int)answer["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_leave_pings_unanswered_while_frozen_and_end_the_socket_when_the_peer_gives_up()
    {
        var socket = _emulator.CreateSocket("jwt " + await _emulator.SignupAsync());
        // The client's own keep-alive: a ping every 200 ms, and it gives up when a pong is 1 s late.
        socket.Options.KeepAliveInterval = TimeSpan.FromMilliseconds(200);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(1);
        await socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());
        await using var client = new ConsumerClient(socket);
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);

        Faults.Freeze();

        (await client.Closed.WaitAsync(Deadline.After())).Should().BeNull("the client aborted for want of a pong");
        // Frozen, yet the peer's going away ends it: nothing is left open.
        await Until.TrueAsync(() => Faults.Status.OpenSockets == 0, "the frozen socket ended after its peer left");
    }

    [Fact]
    public async Task Should_not_freeze_a_socket_opened_after_the_freeze()
    {
        await using var frozen = await _emulator.NewConsumerAsync();
        Faults.Freeze();

        await using var later = await _emulator.NewConsumerAsync();
        var answer = await later.RequestAsync("GetClock");

        ((int)answer["code"]!).Should().Be(200);
        Faults.Status.Should().Be(new FaultStatus(2, 1, TimeSpan.Zero, false));
        // Thawed before the sockets are closed, so the frozen one's close handshake need not time out.
        Faults.Thaw();
    }

    [Fact]
    public async Task Should_drop_a_frozen_socket()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Freeze();

        Faults.Drop().Sockets.Should().Be(1);

        (await client.Closed.WaitAsync(Deadline.After())).Should().BeNull();
        await Until.TrueAsync(() => Faults.Status.OpenSockets == 0, "the dropped frozen socket ended");
    }

    [Fact]
    public async Task Should_thaw_everything_on_reset()
    {
        await using var client = await _emulator.NewConsumerAsync();
        Faults.Freeze();
        Faults.Reorder(true);

        var result = Faults.Reset();

        result.Should().Be(new FaultResult("reset", 1, "faults off: thawed 1 consumer socket, no delay, no reorder"));
        Faults.Status.Should().Be(new FaultStatus(1, 0, TimeSpan.Zero, false));
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);
    }

    public sealed class FaultEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Agent = AgentMode.Silent };
    }
}
