using CsCheck;
using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Session;

/// <summary>
/// Properties of deduplication over generated streams. The oracle is LINQ's Distinct (first
/// occurrence wins, order kept), which shares nothing with the ranges it judges.
/// </summary>
public sealed class EventDeduplicatorPropertyTests
{
    // Replays as a server makes them: each a run from some fromSeq up to some point, then everything once more.
    private static readonly Gen<(int N, (int From, int To)[] Replays, int Chunk)> Replays =
        from n in Gen.Int[0, 300]
        from replays in Gen.Select(Gen.Int[0, n], Gen.Int[0, n]).Array[0, 12]
        from chunk in Gen.Int[1, 40]
        select (n, replays, chunk);

    // Arbitrary order, repeats and several dialogs; sequences below 100 keep the gaps under the range bound.
    private static readonly Gen<((int Dialog, int Sequence)[] Events, int Chunk)> Shuffled =
        from events in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 99]).Array[0, 400]
        from chunk in Gen.Int[1, 25]
        select (events, chunk);

    [Fact]
    public void Should_show_each_sequence_once_in_first_seen_order_whatever_the_replays()
    {
        Replays.Sample(c =>
        {
            var stream = c.Replays.SelectMany(r => Run(Math.Min(r.From, r.To), Math.Max(r.From, r.To))).Concat(Run(0, c.N)).ToList();
            var shown = Feed(new EventDeduplicator(), stream.Select(s => ("d", s)), c.Chunk);
            Check(shown.Select(e => e.Sequence).SequenceEqual(stream.Distinct()), "not each sequence once in first-seen order");
            Check(shown.Select(e => e.Sequence).Order().SequenceEqual(Run(0, c.N)), "not every sequence from 0 to n");
        }, iter: 100);
    }

    [Fact]
    public void Should_show_each_event_once_in_first_seen_order_in_any_order_and_dialog()
    {
        Shuffled.Sample(c =>
        {
            var stream = c.Events.Select(e => ($"d{e.Dialog}", (long)e.Sequence)).ToList();
            var shown = Feed(new EventDeduplicator(), stream, c.Chunk);
            Check(shown.SequenceEqual(stream.Distinct()), "not each event once in first-seen order");
        }, iter: 100);
    }

    // A plain check: assertion libraries cost more than the property itself over hundreds of runs.
    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new Xunit.Sdk.XunitException(what);
        }
    }

    private static IEnumerable<long> Run(int from, int to) => Enumerable.Range(from, to - from + 1).Select(s => (long)s);

    // Feeds the stream as notifications of `chunk` changes and collects what each result lets through.
    private static List<(string Dialog, long Sequence)> Feed(EventDeduplicator dedup, IEnumerable<(string, long)> stream, int chunk)
    {
        var shown = new List<(string, long)>();
        var skipped = 0;
        var total = 0;
        foreach (var part in stream.Chunk(chunk))
        {
            total += part.Length;
            var frame = EventDeduplicatorTests.Notification(part);
            var result = dedup.Filter(frame);
            skipped += result.Skipped;
            var passed = result.Outcome switch
            {
                DeduplicationOutcome.Unchanged => frame,
                DeduplicationOutcome.Rewritten => JObject.Parse(result.Text!),
                _ => null,
            };
            shown.AddRange(passed is null ? [] : ((JArray)passed["body"]!["changes"]!).Select(c => ((string)c["dialogId"]!, (long)c["sequence"]!)));
        }
        Check(shown.Count + skipped == total, "a change was neither shown nor counted as skipped");
        return shown;
    }
}
