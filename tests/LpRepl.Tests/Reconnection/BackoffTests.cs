using LpRepl.Repl.Reconnection;

namespace LpRepl.Tests.Reconnection;

public class BackoffTests
{
    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(3, 1000, 2000)]
    [InlineData(7, 15_000, 30_000)]
    [InlineData(8, 15_000, 30_000)]
    [InlineData(1000, 15_000, 30_000)]
    public void Should_double_each_attempt_up_to_the_cap_and_jitter_within_the_upper_half(int attempt, double low, double high)
    {
        var least = new Backoff(ReconnectPolicy.Default, () => 0).Delay(attempt);
        var most = new Backoff(ReconnectPolicy.Default, () => 1).Delay(attempt);

        least.TotalMilliseconds.Should().BeApproximately(low, 0.001);
        most.TotalMilliseconds.Should().BeApproximately(high, 0.001);
    }

    [Fact]
    public void Should_spread_clients_dropped_together()
    {
        var backoff = new Backoff(ReconnectPolicy.Default);

        var delays = Enumerable.Range(0, 50).Select(_ => backoff.Delay(5)).Distinct().Count();

        delays.Should().BeGreaterThan(40, "jitter keeps clients of one outage from coming back in step");
    }

    [Fact]
    public void Should_never_exceed_the_cap_whatever_the_random_source_says()
    {
        var backoff = new Backoff(ReconnectPolicy.Default with { Cap = TimeSpan.FromSeconds(5) }, () => 7.5);

        backoff.Delay(20).Should().Be(TimeSpan.FromSeconds(5));
    }
}
