using LpRepl.Frames;
using LpRepl.Transport.KeepAlive;

namespace LpRepl.Tests.Transport;

public sealed class KeepAliveFrameTests
{
    [Fact]
    public void Should_send_a_GetClock_probe_that_is_strict_json()
    {
        // The transport's own frame does not pass the session's checked send path, so it is checked here.
        StrictJson.FindError(GetClockProbe.Request(42)).Should().BeNull();
        GetClockProbe.Request(42).Should().Contain("\"type\":\"GetClock\"");
    }

    [Theory]
    [InlineData("""{"kind":"resp","reqId":"lprepl-keepalive-42","code":200,"type":".GetClock$Response","body":{"currentTime":1}}""", 42L)]
    [InlineData("""{"kind":"resp","reqId":"7","code":200,"type":".GetClock$Response","body":{"currentTime":1}}""", null)]
    [InlineData("""{"kind":"notification","body":{"text":"lprepl-keepalive-3"}}""", null)]
    [InlineData("""{"kind":"resp","reqId":"lprepl-keepalive-x"}""", null)]
    [InlineData("""not json lprepl-keepalive-1""", null)]
    public void Should_recognise_only_the_answer_to_its_own_probe(string frame, long? probe) =>
        GetClockProbe.ProbeOf(frame).Should().Be(probe);
}
