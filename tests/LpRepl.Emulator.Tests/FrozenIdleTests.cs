using LpRepl.Emulator.Tests.Support;
using LpRepl.Testing;

namespace LpRepl.Emulator.Tests;

/// <summary>A frozen socket whose peer stays silent does not leak: the idle timeout and the close grace still end it.</summary>
public sealed class FrozenIdleTests : IClassFixture<ConnectionLimitTests.ShortLimitsEmulator>
{
    private readonly ConnectionLimitTests.ShortLimitsEmulator _emulator;

    public FrozenIdleTests(ConnectionLimitTests.ShortLimitsEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_end_a_frozen_socket_after_the_idle_timeout_and_the_close_grace()
    {
        await using var client = await _emulator.NewConsumerAsync();

        _emulator.Server.Faults.Freeze().Sockets.Should().Be(1);

        // 1.5 s idle, then the close frame cannot leave the frozen stream: cut off 5 s later.
        (await client.Closed.WaitAsync(Deadline.After())).Should().BeNull("the server cut the connection without a close frame");
        await Until.TrueAsync(() => _emulator.Server.Faults.Status.OpenSockets == 0, "the frozen socket ended");
    }
}
