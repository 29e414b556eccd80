using LpRepl.Emulator.Persistence;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>
/// An emulator started with the keys and consumers of an earlier one (what lprepl keeps in its state
/// folder) accepts that one's tokens, knows its consumers, and has none of its conversations.
/// </summary>
public sealed class KeptKeysTests
{
    private sealed class Kept(EmulatorKeys keys, IReadOnlyList<KnownConsumer> consumers) : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { AgentDelay = TimeSpan.FromMilliseconds(50), Keys = keys, KnownConsumers = consumers };
    }

    [Fact]
    public async Task Should_accept_an_earlier_runs_token_and_know_its_consumer()
    {
        var first = new EmulatorFixture();
        await first.InitializeAsync();
        string jwt;
        EmulatorKeys keys;
        IReadOnlyList<KnownConsumer> consumers;
        try
        {
            jwt = await first.SignupAsync();
            await using (var client = await first.ConnectAsync(jwt))
            {
                ((int)(await client.RequestAsync("cm.ConsumerRequestConversation"))["code"]!).Should().Be(200);
            }
            keys = first.Server.Keys;
            consumers = first.Server.KnownConsumers();
        }
        finally
        {
            await first.DisposeAsync();
        }
        var sub = (string)Jwt.Payload(jwt)["sub"]!;
        consumers.Should().ContainSingle().Which.ConsumerId.Should().Be(sub);

        var next = new Kept(keys, consumers);
        await next.InitializeAsync();
        try
        {
            await using var client = await next.ConnectAsync(jwt);
            // The earlier conversation is not kept, so a new one can be requested at once.
            var conversation = await client.RequestAsync("cm.ConsumerRequestConversation");

            ((int)conversation["code"]!).Should().Be(200);
            next.Server.Keys.Signing.Should().Equal(keys.Signing);
            next.Server.KnownConsumers().Should().ContainSingle().Which.ConsumerId.Should().Be(sub);
        }
        finally
        {
            await next.DisposeAsync();
        }
    }
}
