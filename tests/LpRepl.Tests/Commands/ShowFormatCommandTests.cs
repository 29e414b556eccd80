using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary><c>show N</c> and <c>format NAME</c>: what they print, and what they say to a wrong argument.</summary>
public class ShowFormatCommandTests
{
    [Fact]
    public async Task Should_show_a_frame_by_its_number_or_the_newest()
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        session.Recent.Add(FrameDirection.Outbound, "{\"id\":1}");
        session.Recent.Add(FrameDirection.Inbound, "{\"reqId\":\"1\"}");

        (await session.ExecuteAsync("show 1", CancellationToken.None)).Should().Be(LineResult.Ok);
        (await session.ExecuteAsync("show #2", CancellationToken.None)).Should().Be(LineResult.Ok);
        (await session.ExecuteAsync("show", CancellationToken.None)).Should().Be(LineResult.Ok);

        output.Entries.Select(e => $"{e.Kind} {e.Text} {e.Note}").Should().Equal("> {\"id\":1} #1", "< {\"reqId\":\"1\"} #2", "< {\"reqId\":\"1\"} #2");
    }

    [Theory]
    [InlineData("show 5", "no frame #5 yet: the newest is #2")]
    [InlineData("show x", "show takes a frame number such as 3 (the #3 at the end of a chat line), not 'x'")]
    [InlineData("show -1", "show takes a frame number such as 3 (the #3 at the end of a chat line), not '-1'")]
    [InlineData("format fancy", "format takes pretty, compact, raw or chat, not 'fancy'; usage: format [pretty|compact|raw|chat]")]
    [InlineData("format 1", "format takes pretty, compact, raw or chat, not '1'; usage: format [pretty|compact|raw|chat]")]
    public async Task Should_say_what_is_wrong_with_an_argument(string line, string error)
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        session.Recent.Add(FrameDirection.Outbound, "{\"id\":1}");
        session.Recent.Add(FrameDirection.Inbound, "{\"reqId\":\"1\"}");

        var result = await session.ExecuteAsync(line, CancellationToken.None);

        result.Error.Should().Be(error);
    }

    [Fact]
    public async Task Should_say_when_nothing_was_sent_or_received_yet()
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);

        (await session.ExecuteAsync("show", CancellationToken.None)).Error.Should().Be("no frame sent or received yet");
        (await session.ExecuteAsync("show 1", CancellationToken.None)).Error.Should().Be("no frame sent or received yet");
    }
}
