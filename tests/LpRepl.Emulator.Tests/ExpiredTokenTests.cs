using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class ExpiredTokenTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private readonly ManualClockEmulator _emulator;

    public ExpiredTokenTests(ManualClockEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_open_then_close_with_4401_for_an_expired_signup_token()
    {
        var jwt = await _emulator.SignupAsync();
        _emulator.Clock.Advance(TimeSpan.FromSeconds(410_240_041));

        await using var client = await _emulator.ConnectAsync(jwt);

        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4401);
        client.CloseDescription.Should().Be("Token expired");
    }

    public sealed class ManualClockEmulator : EmulatorFixture
    {
        public ManualTimeProvider Clock { get; } = new();

        protected override EmulatorOptions CreateOptions() => new() { Time = Clock, Agent = AgentMode.Silent };
    }
}
