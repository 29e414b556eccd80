using System.Diagnostics;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class ServerLifetimeTests
{
    [Fact]
    public async Task Should_fail_to_start_on_a_port_already_in_use()
    {
        await using var first = await EmulatorServer.StartAsync(new EmulatorOptions());
        var port = int.Parse(first.Authority.Split(':')[1]);

        var act = () => EmulatorServer.StartAsync(new EmulatorOptions { Port = port });

        await act.Should().ThrowAsync<IOException>();
    }

    [Fact]
    public async Task Should_end_open_connections_promptly_when_disposed()
    {
        var fixture = new EmulatorFixture();
        await fixture.InitializeAsync();
        var client = await fixture.NewConsumerAsync();
        await client.OpenConversationAsync();
        var watch = Stopwatch.StartNew();

        await fixture.DisposeAsync();
        await fixture.Server.DisposeAsync(); // a second dispose is harmless
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await client.DisposeAsync();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
