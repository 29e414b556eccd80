using LpRepl.Frames;
using LpRepl.Repl;

namespace LpRepl.Tests.Repl;

public class RecentFramesTests
{
    [Fact]
    public void Should_number_frames_from_one_and_find_them_by_number()
    {
        var recent = new RecentFrames();

        recent.Add(FrameDirection.Outbound, "{\"id\":1}").Should().Be(1);
        recent.Add(FrameDirection.Inbound, "{\"reqId\":\"1\"}").Should().Be(2);

        recent.Find(1)!.Text.Should().Be("{\"id\":1}");
        recent.Find(2)!.Direction.Should().Be(FrameDirection.Inbound);
        recent.Find(3).Should().BeNull();
        recent.Last!.Number.Should().Be(2);
    }

    [Fact]
    public void Should_keep_only_the_newest_frames()
    {
        var recent = new RecentFrames();

        for (var i = 0; i < RecentFrames.MaxFrames + 5; i++)
        {
            recent.Add(FrameDirection.Inbound, "{}");
        }

        recent.Oldest.Should().Be(6);
        recent.Find(5).Should().BeNull();
        recent.Find(RecentFrames.MaxFrames + 5).Should().NotBeNull();
    }

    [Fact]
    public void Should_let_big_frames_go_past_the_character_bound_but_keep_the_newest()
    {
        var recent = new RecentFrames();
        var big = new string('x', (int)(RecentFrames.MaxCharacters / 2));

        recent.Add(FrameDirection.Inbound, big);
        recent.Add(FrameDirection.Inbound, big);
        recent.Add(FrameDirection.Inbound, big + big + "x");

        recent.Oldest.Should().Be(3, "the newest is kept whatever its size");
    }
}
