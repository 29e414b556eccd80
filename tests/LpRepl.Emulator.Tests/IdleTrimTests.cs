using LpRepl.Emulator.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LpRepl.Emulator.Tests;

/// <summary>The memory trim runs once the last consumer socket has closed and none opened for the delay, and only after sockets came and went.</summary>
public sealed class IdleTrimTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private int _trims;

    [Fact]
    public void Should_trim_once_the_last_socket_has_been_closed_for_the_delay()
    {
        using var trim = new IdleTrim(_clock, Delay, () => _trims++);
        trim.Opened();
        trim.Opened();
        trim.Closed();
        _clock.Advance(Delay * 2);
        _trims.Should().Be(0, "one socket is still open");

        trim.Closed();
        _clock.Advance(Delay - TimeSpan.FromSeconds(1));
        _trims.Should().Be(0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _trims.Should().Be(1);

        _clock.Advance(Delay * 10);
        _trims.Should().Be(1, "nothing came and went since");
    }

    [Fact]
    public void Should_wait_again_when_a_socket_opens_within_the_delay()
    {
        using var trim = new IdleTrim(_clock, Delay, () => _trims++);
        trim.Opened();
        trim.Closed();
        _clock.Advance(Delay / 2);
        trim.Opened();
        _clock.Advance(Delay * 2);
        _trims.Should().Be(0, "a socket opened before the delay ran out");

        trim.Closed();
        _clock.Advance(Delay);
        _trims.Should().Be(1);
    }

    [Fact]
    public void Should_never_trim_with_an_infinite_delay_or_once_disposed()
    {
        using (var never = new IdleTrim(_clock, Timeout.InfiniteTimeSpan, () => _trims++))
        {
            never.Opened();
            never.Closed();
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var disposed = new IdleTrim(_clock, Delay, () => _trims++);
        disposed.Opened();
        disposed.Closed();
        disposed.Dispose();
        _clock.Advance(Delay * 2);

        _trims.Should().Be(0);
    }
}
