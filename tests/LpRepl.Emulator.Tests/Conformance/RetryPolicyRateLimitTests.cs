using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Retry Policy page's 429 for bursty clients, with the emulator's settable limits (docs/emulator.md, Rate limits).</summary>
public sealed class RetryPolicyRateLimitTests(RetryPolicyRateLimitTests.TightLimitEmulator emulator) : IClassFixture<RetryPolicyRateLimitTests.TightLimitEmulator>
{
    [Fact]
    [Documented("resp/429", MessagingSources.RetryPolicy + " §API error codes (429 Too many requests: retry after at least 1 second)")]
    public async Task Should_answer_429_past_the_burst_and_again_200_a_second_later()
    {
        await using var client = await emulator.NewConsumerAsync();

        var burst = new List<JObject>();
        for (var i = 0; i < TightLimitEmulator.Burst; i++)
        {
            burst.Add(await client.RequestAsync(".GetClock"));
        }

        var refused = await client.RequestAsync(".GetClock");
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await client.RequestAsync(".GetClock");

        burst.Should().OnlyContain(r => (int)r["code"]! == 200);
        ((int)refused["code"]!).Should().Be(429);
        ((string?)refused["type"]).Should().Be(".GetClock$Response");
        ((string?)refused["reqId"]).Should().NotBeNullOrEmpty();
        ((string?)refused["body"]).Should().Be("Too many requests: at most 3 at once and 2 per second on one connection; retry after at least 1 second");
        ((int)later["code"]!).Should().Be(200);
    }

    [Fact]
    [Documented("resp/429", MessagingSources.RetryPolicy + " (throttling per client)")]
    public async Task Should_count_each_connection_on_its_own()
    {
        await using var first = await emulator.NewConsumerAsync();
        for (var i = 0; i <= TightLimitEmulator.Burst; i++)
        {
            await first.RequestAsync(".GetClock");
        }

        await using var second = await emulator.NewConsumerAsync();
        var response = await second.RequestAsync(".GetClock");

        ((int)response["code"]!).Should().Be(200);
    }

    public sealed class TightLimitEmulator : EmulatorFixture
    {
        public const int Burst = 3;

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override EmulatorOptions CreateOptions() => new() { Time = Clock, Agent = AgentMode.Silent, RequestsPerSecond = 2, RequestBurst = Burst };
    }
}
