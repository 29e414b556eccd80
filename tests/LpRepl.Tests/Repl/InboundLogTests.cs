using LpRepl.Repl;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Repl;

/// <summary>The inbound log is bounded by bytes as well as frames, and a wait knows when its window fell out of it.</summary>
public class InboundLogTests
{
    private static (JObject Frame, int Size) Big(int index, int chars)
    {
        var frame = new JObject { ["type"] = "big", ["n"] = index, ["pad"] = new string('x', chars) };
        return (frame, frame.ToString(Newtonsoft.Json.Formatting.None).Length);
    }

    [Fact]
    public void Should_keep_no_more_than_its_byte_budget_of_large_frames()
    {
        var log = new InboundLog();
        for (var i = 0; i < 200; i++)
        {
            var (frame, size) = Big(i, 1024 * 1024);
            log.Add(frame, size);
        }

        var kept = log.Tail(int.MaxValue);
        kept.Sum(f => (long)f.ToString(Newtonsoft.Json.Formatting.None).Length).Should().BeLessThanOrEqualTo(InboundLog.MaxBytes);
        kept[^1]["n"]!.Value<int>().Should().Be(199, "the newest frame is always kept");
        log.End.Should().Be(200, "indexes go on counting what was dropped");
    }

    [Fact]
    public void Should_keep_the_newest_frame_even_when_it_alone_is_over_the_budget()
    {
        var log = new InboundLog();
        var (frame, _) = Big(0, 10);
        log.Add(frame, InboundLog.MaxBytes + 1);

        log.Tail(1).Should().ContainSingle();
    }

    [Fact]
    public void Should_keep_no_more_than_its_frame_count_of_small_frames()
    {
        var log = new InboundLog();
        for (var i = 0; i < InboundLog.MaxFrames + 50; i++)
        {
            var (frame, size) = Big(i, 1);
            log.Add(frame, size);
        }

        log.Tail(int.MaxValue).Should().HaveCount(InboundLog.MaxFrames);
    }

    [Fact]
    public async Task Should_say_how_many_frames_of_a_wait_window_fell_out_before_the_wait_looked()
    {
        var log = new InboundLog();
        for (var i = 0; i < 100; i++)
        {
            var (frame, size) = Big(i, 1024 * 1024);
            log.Add(frame, size);
        }

        var result = await log.WaitAsync(f => f.Frame["n"]!.Value<int>() == 0, from: 0, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        result.Frame.Should().BeNull("frame 0 is gone");
        result.Missed.Should().Be(100 - log.Tail(int.MaxValue).Count);
        result.Missed.Should().BePositive();
    }

    [Fact]
    public async Task Should_find_a_frame_still_in_the_log_and_report_nothing_missed()
    {
        var log = new InboundLog();
        var (frame, size) = Big(7, 10);
        log.Add(frame, size);

        var result = await log.WaitAsync(f => f.Frame["n"]!.Value<int>() == 7, from: 0, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Frame.Should().BeSameAs(frame);
        result.Index.Should().Be(0);
        result.Missed.Should().Be(0);
    }

    [Fact]
    public async Task Should_give_an_older_frame_parsed_again_from_its_text_equal_to_the_one_that_came()
    {
        var log = new InboundLog();
        var texts = Enumerable.Range(0, InboundLog.ParsedFrames * 3)
            .Select(i => $"{{\"kind\":\"notification\",\"n\":{i},\"at\":\"2026-12-02T01:00:00Z\",\"x\":1.50,\"body\":{{\"changes\":[{{\"sequence\":{i}}}]}}}}")
            .ToList();
        foreach (var text in texts)
        {
            log.Add(JObject.Parse(text), text);
        }

        var first = await log.WaitAsync(f => f.Frame["n"]!.Value<int>() == 0, from: 0, TimeSpan.FromSeconds(5), CancellationToken.None);
        var last = log.Last(f => f.Frame["n"]!.Value<int>() == 1);

        JToken.DeepEquals(first.Frame, JObject.Parse(texts[0])).Should().BeTrue();
        first.Frame!["at"]!.Type.Should().Be(JTokenType.Date, "parsed again as on arrival");
        JToken.DeepEquals(last, JObject.Parse(texts[1])).Should().BeTrue();
        log.Tail(int.MaxValue).Select(f => f.ToString(Newtonsoft.Json.Formatting.None))
            .Should().Equal(texts.Select(t => JObject.Parse(t).ToString(Newtonsoft.Json.Formatting.None)));
        log.Bytes.Should().Be(texts.Sum(t => (long)t.Length));
    }

    [Fact]
    public void Should_keep_the_newest_frames_as_the_objects_that_were_added()
    {
        var log = new InboundLog();
        var frames = new List<JObject>();
        for (var i = 0; i < InboundLog.ParsedFrames * 2; i++)
        {
            var text = $"{{\"n\":{i}}}";
            frames.Add(JObject.Parse(text));
            log.Add(frames[^1], text);
        }

        log.Tail(InboundLog.ParsedFrames).Should().Equal(frames.TakeLast(InboundLog.ParsedFrames), ReferenceEquals);
    }
}
