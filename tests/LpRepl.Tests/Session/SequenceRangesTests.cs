using LpRepl.Session;

namespace LpRepl.Tests.Session;

/// <summary>The per-dialog memory of sequences: ranges, merged as gaps fill, bounded in count.</summary>
public sealed class SequenceRangesTests
{
    [Fact]
    public void Should_keep_a_dense_run_as_one_range()
    {
        var ranges = new SequenceRanges();

        for (var s = 0; s < 10_000; s++)
        {
            ranges.Add(s).Should().BeTrue();
        }

        ranges.RangeCount.Should().Be(1);
        ranges.Add(9_999).Should().BeFalse();
    }

    [Fact]
    public void Should_merge_ranges_when_a_gap_fills()
    {
        var ranges = new SequenceRanges();
        foreach (var s in new long[] { 0, 1, 5, 6, 3 })
        {
            ranges.Add(s);
        }
        ranges.RangeCount.Should().Be(3);

        ranges.Add(2).Should().BeTrue();
        ranges.Add(4).Should().BeTrue();

        ranges.RangeCount.Should().Be(1);
        Enumerable.Range(0, 7).Should().OnlyContain(s => ranges.Contains(s));
        ranges.Contains(7).Should().BeFalse();
    }

    [Fact]
    public void Should_keep_a_subscription_from_a_late_fromSeq_as_one_range()
    {
        var ranges = new SequenceRanges();

        for (var s = 500; s < 5_500; s++)
        {
            ranges.Add(s);
        }

        ranges.RangeCount.Should().Be(1);
        ranges.Contains(499).Should().BeFalse("events never seen are not hidden from a later replay from 0");
    }

    [Fact]
    public void Should_forget_the_lowest_range_past_its_bound_so_nothing_unseen_is_hidden()
    {
        var ranges = new SequenceRanges();

        // Every other sequence: each is its own range.
        for (var i = 0; i <= SequenceRanges.MaxRanges; i++)
        {
            ranges.Add(i * 2L);
        }

        ranges.RangeCount.Should().Be(SequenceRanges.MaxRanges);
        ranges.Contains(0).Should().BeFalse("the lowest was forgotten: it may be shown again");
        ranges.Contains(2).Should().BeTrue();
        Enumerable.Range(0, SequenceRanges.MaxRanges).Should().OnlyContain(i => !ranges.Contains((i * 2L) + 1), "a gap is never marked seen");
    }
}
