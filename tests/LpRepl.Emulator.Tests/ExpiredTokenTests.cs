using System.Net;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class ExpiredTokenTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private readonly ManualClockEmulator _emulator;

    public ExpiredTokenTests(ManualClockEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_refuse_an_expired_token_with_401()
    {
        var jwt = await _emulator.SignupAsync();
        _emulator.Clock.Advance(TimeSpan.FromSeconds(410_240_041));
        using var socket = _emulator.CreateSocket("jwt " + jwt);

        var act = () => socket.ConnectAsync(_emulator.ConsumerUri(), Deadline.After());

        await act.Should().ThrowAsync<WebSocketException>();
        socket.HttpStatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public sealed class ManualClockEmulator : EmulatorFixture
    {
        public ManualTimeProvider Clock { get; } = new();

        protected override EmulatorOptions CreateOptions() => new() { Time = Clock, Agent = AgentMode.Silent };
    }
}
