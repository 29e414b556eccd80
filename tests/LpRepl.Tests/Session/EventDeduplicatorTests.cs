using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Session;

/// <summary>Each messaging event shown once, by (dialogId, sequence), whatever the server replays.</summary>
public sealed class EventDeduplicatorTests
{
    private readonly EventDeduplicator _dedup = new();

    internal static JObject Notification(params (string Dialog, long Sequence)[] changes) => new()
    {
        ["kind"] = "notification",
        ["body"] = new JObject
        {
            ["changes"] = new JArray(changes.Select(c => new JObject
            {
                ["sequence"] = c.Sequence,
                ["originatorId"] = "agent-1",
                ["serverTimestamp"] = 1538492183879 + c.Sequence,
                ["event"] = new JObject { ["type"] = "ContentEvent", ["message"] = $"message {c.Sequence}", ["contentType"] = "text/plain" },
                ["dialogId"] = c.Dialog,
            })),
            ["extra"] = "kept",
        },
        ["type"] = "ms.MessagingEventNotification",
    };

    private static IEnumerable<long> Sequences(JObject frame) => ((JArray)frame["body"]!["changes"]!).Select(c => (long)c["sequence"]!);

    [Fact]
    public void Should_leave_a_frame_of_new_events_unchanged()
    {
        var result = _dedup.Filter(Notification(("d", 0), ("d", 1)));

        result.Should().BeSameAs(DeduplicationResult.Unchanged);
        _dedup.HasSeen("d", 1).Should().BeTrue();
    }

    [Fact]
    public void Should_drop_a_frame_whose_every_event_was_seen_and_count_them()
    {
        _dedup.Filter(Notification(("d", 0), ("d", 1), ("d", 2)));

        var result = _dedup.Filter(Notification(("d", 0), ("d", 1), ("d", 2)));

        result.Outcome.Should().Be(DeduplicationOutcome.Dropped);
        result.Skipped.Should().Be(3);
        result.Text.Should().BeNull();
    }

    [Fact]
    public void Should_rewrite_a_replay_to_its_unseen_events_keeping_every_other_field()
    {
        _dedup.Filter(Notification(("d", 0), ("d", 1)));
        var replay = Notification(("d", 0), ("d", 1), ("d", 2), ("other", 0));

        var result = _dedup.Filter(replay);

        result.Outcome.Should().Be(DeduplicationOutcome.Rewritten);
        result.Skipped.Should().Be(2);
        var rewritten = JObject.Parse(result.Text!);
        JToken.DeepEquals(rewritten, result.Frame).Should().BeTrue();
        ((JArray)rewritten["body"]!["changes"]!).Should().HaveCount(2);
        JToken.DeepEquals(rewritten["body"]!["changes"]![0], replay["body"]!["changes"]![2]).Should().BeTrue("a kept change is untouched");
        ((string?)rewritten["body"]!["extra"]).Should().Be("kept");
        ((string?)rewritten["kind"]).Should().Be("notification");
        ((JArray)replay["body"]!["changes"]!).Should().HaveCount(4, "the frame passed in is not modified");
    }

    [Fact]
    public void Should_drop_a_repeat_within_one_frame()
    {
        var result = _dedup.Filter(Notification(("d", 5), ("d", 5)));

        result.Outcome.Should().Be(DeduplicationOutcome.Rewritten);
        Sequences(result.Frame!).Should().Equal(5);
    }

    [Fact]
    public void Should_tell_dialogs_apart()
    {
        _dedup.Filter(Notification(("a", 0)));

        _dedup.Filter(Notification(("b", 0))).Should().BeSameAs(DeduplicationResult.Unchanged);
    }

    [Fact]
    public void Should_pass_changes_without_a_usable_sequence()
    {
        var typing = JObject.Parse("""{"kind":"notification","body":{"changes":[{"originatorId":"a","event":{"type":"ChatStateEvent","chatState":"COMPOSING"},"dialogId":"d"}]},"type":"ms.MessagingEventNotification"}""");

        _dedup.Filter(typing).Should().BeSameAs(DeduplicationResult.Unchanged);
        _dedup.Filter(typing).Should().BeSameAs(DeduplicationResult.Unchanged, "a chat state has no sequence to be a repeat of");
    }

    [Theory]
    [InlineData("""{"type":"ms.MessagingEventNotification"}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":"x"}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":{"changes":{"sequence":1,"dialogId":"d"}}}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":{"changes":[1,"x",null,[]]}}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":{"changes":[{"sequence":"1","dialogId":"d"},{"sequence":1.5,"dialogId":"d"},{"sequence":-1,"dialogId":"d"}]}}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":{"changes":[{"sequence":1e400,"dialogId":"d"},{"sequence":99999999999999999999,"dialogId":"d"}]}}""")]
    [InlineData("""{"type":"ms.MessagingEventNotification","body":{"changes":[{"sequence":1,"dialogId":42},{"sequence":1,"dialogId":["a","b"]},{"sequence":1}]}}""")]
    [InlineData("""{"type":["ms.MessagingEventNotification"],"body":{"changes":[{"sequence":1,"dialogId":"d"}]}}""")]
    [InlineData("""{"type":"ms.PublishEventResponse","body":{"changes":[{"sequence":1,"dialogId":"d"}]}}""")]
    public void Should_pass_a_frame_it_cannot_read_twice_without_throwing(string text)
    {
        _dedup.Filter(JObject.Parse(text)).Should().BeSameAs(DeduplicationResult.Unchanged);
        _dedup.Filter(JObject.Parse(text)).Should().BeSameAs(DeduplicationResult.Unchanged);
    }

    [Fact]
    public void Should_read_single_element_arrays_as_their_element()
    {
        _dedup.Filter(JObject.Parse("""{"type":"ms.MessagingEventNotification","body":{"changes":[{"sequence":[3],"dialogId":["d"]}]}}"""));

        _dedup.HasSeen("d", 3).Should().BeTrue();
    }

    [Fact]
    public void Should_accept_the_largest_sequence()
    {
        _dedup.Filter(Notification(("d", long.MaxValue))).Should().BeSameAs(DeduplicationResult.Unchanged);
        _dedup.Filter(Notification(("d", long.MaxValue))).Outcome.Should().Be(DeduplicationOutcome.Dropped);
        _dedup.Filter(Notification(("d", long.MaxValue - 1))).Should().BeSameAs(DeduplicationResult.Unchanged);
    }

    [Fact]
    public void Should_forget_the_least_recently_seen_dialog_past_its_bound()
    {
        for (var i = 0; i < EventDeduplicator.MaxDialogs; i++)
        {
            _dedup.Filter(Notification(($"d{i}", 0)));
        }
        _dedup.Filter(Notification(("d0", 1)));

        _dedup.Filter(Notification(("new", 0)));

        _dedup.DialogCount.Should().Be(EventDeduplicator.MaxDialogs);
        _dedup.HasSeen("d0", 0).Should().BeTrue("it was seen most recently");
        _dedup.HasSeen("d1", 0).Should().BeFalse("it was the least recently seen");
    }

    [Fact]
    public void Should_forget_everything_on_clear()
    {
        _dedup.Filter(Notification(("d", 0)));

        _dedup.Clear();

        _dedup.Filter(Notification(("d", 0))).Should().BeSameAs(DeduplicationResult.Unchanged);
    }
}
