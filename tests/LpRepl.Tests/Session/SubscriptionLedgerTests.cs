using LpRepl.Session;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Session;

/// <summary>The ledger of accepted subscriptions and the frames that restore them after a reconnect.</summary>
public sealed class SubscriptionLedgerTests
{
    private readonly SubscriptionLedger _ledger = new();
    private int _ids = 100;

    private string NextId() => (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Exchange(string request, string response)
    {
        _ledger.ObserveRequest(JObject.Parse(request));
        _ledger.ObserveResponse(JObject.Parse(response));
    }

    private static string Ok(string reqId, string body = "{}") => $$"""{"kind":"resp","reqId":"{{reqId}}","code":200,"body":{{body}},"type":"GenericSubscribeResponse"}""";

    private List<JObject> Restore(Func<string, long?>? last = null) =>
        _ledger.RestoreFrames(last ?? (_ => null), NextId).Select(f => JObject.Parse(f.Frame)).ToList();

    [Fact]
    public void Should_restore_a_dialog_from_one_past_the_last_sequence_seen_keeping_the_other_fields()
    {
        Exchange("""{"kind":"req","id":"22","type":"ms.SubscribeMessagingEvents","body":{"fromSeq":0,"dialogId":"d1","conversationId":"d1"}}""", Ok("22"));

        var frames = Restore(d => d == "d1" ? 7 : null);

        frames.Should().ContainSingle();
        var frame = frames[0];
        ((string?)frame["kind"]).Should().Be("req");
        ((string?)frame["type"]).Should().Be("ms.SubscribeMessagingEvents");
        ((string?)frame["id"]).Should().Be("101");
        JToken.DeepEquals(frame["body"], JObject.Parse("""{"fromSeq":8,"dialogId":"d1","conversationId":"d1"}""")).Should().BeTrue(frame.ToString());
    }

    [Fact]
    public void Should_restore_from_the_original_fromSeq_when_nothing_was_seen_and_never_below_it()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"fromSeq":5,"dialogId":"a"}}""", Ok("1"));
        Exchange("""{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"b"}}""", Ok("2"));

        var nothingSeen = Restore();
        ((long)nothingSeen[0]["body"]!["fromSeq"]!).Should().Be(5);
        nothingSeen[1]["body"]!["fromSeq"].Should().BeNull("it was not sent, and the server's default is 0");

        var seenBelow = Restore(d => d == "a" ? 2 : 3);
        ((long)seenBelow[0]["body"]!["fromSeq"]!).Should().Be(5, "events before the fromSeq asked for were never wanted");
        ((long)seenBelow[1]["body"]!["fromSeq"]!).Should().Be(4);
    }

    [Fact]
    public void Should_record_only_what_the_server_accepted()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"refused"}}""",
            """{"kind":"resp","reqId":"1","code":400,"body":"no such dialog","type":"GenericSubscribeResponse"}""");
        _ledger.ObserveRequest(JObject.Parse("""{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"unanswered"}}"""));
        _ledger.ObserveResponse(JObject.Parse(Ok("999")));

        _ledger.Dialogs.Should().BeEmpty();
        Restore().Should().BeEmpty();
    }

    [Fact]
    public void Should_read_a_single_element_array_as_its_element_and_numeric_ids_as_strings()
    {
        Exchange("""{"kind":"req","id":3,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":["d9"],"fromSeq":[2]}}""", Ok("3"));

        var frame = Restore().Single();
        ((string?)frame["body"]!["dialogId"]).Should().Be("d9");
        ((long)frame["body"]!["fromSeq"]!).Should().Be(2);
    }

    [Theory]
    [InlineData("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents"}""")]
    [InlineData("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":"d1"}""")]
    [InlineData("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":["a","b"]}}""")]
    [InlineData("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":42}}""")]
    [InlineData("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":""}}""")]
    [InlineData("""{"kind":"req","id":{"x":1},"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"a"}}""")]
    [InlineData("""{"kind":"notification","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"a"}}""")]
    public void Should_ignore_a_request_it_cannot_read(string request)
    {
        Exchange(request, Ok("1"));

        _ledger.Dialogs.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"kind":"resp","reqId":"1","code":"200"}""")]
    [InlineData("""{"kind":"resp","reqId":["1"],"code":200}""")]
    [InlineData("""{"kind":"resp","reqId":"1","code":200,"body":{"subscriptionId":{"a":1}}}""")]
    [InlineData("""{"kind":"resp","reqId":"1","code":1e400}""")]
    [InlineData("""{}""")]
    public void Should_never_throw_on_an_odd_response(string response)
    {
        _ledger.ObserveRequest(JObject.Parse("""{"kind":"req","id":"1","type":"cqm.SubscribeExConversations","body":{}}"""));

        var act = () => _ledger.ObserveResponse(JObject.Parse(response));

        act.Should().NotThrow();
    }

    [Fact]
    public void Should_keep_one_entry_per_dialog_the_latest_accepted()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d","fromSeq":0}}""", Ok("1"));
        Exchange("""{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d","fromSeq":3}}""", Ok("2"));

        _ledger.Dialogs.Should().Equal("d");
        ((long)Restore().Single()["body"]!["fromSeq"]!).Should().Be(3);
    }

    [Fact]
    public void Should_restore_an_ExConversations_subscription_as_sent_and_take_its_new_id()
    {
        const string body = """{"minLastUpdatedTime":0,"convState":["OPEN","CLOSE"]}""";
        Exchange($$"""{"kind":"req","id":"33","type":"cqm.SubscribeExConversations","body":{{body}}}""",
            """{"kind":"resp","reqId":"33","code":200,"body":{"subscriptionId":"old"},"type":"cqm.SubscribeExConversationsResponse"}""");

        var restore = _ledger.RestoreFrames(_ => null, NextId).Single();
        JToken.DeepEquals(JObject.Parse(restore.Frame)["body"], JObject.Parse(body)).Should().BeTrue();
        _ledger.IsRestore(restore.Id).Should().BeTrue();
        restore.Description.Should().Contain("restoring this session's subscription");
        // Its answer alone updates the ledger: the caller need not pass the request back in.
        _ledger.ObserveResponse(JObject.Parse($$"""{"kind":"resp","reqId":"{{restore.Id}}","code":200,"body":{"subscriptionId":"new"},"type":"cqm.SubscribeExConversationsResponse"}"""));
        _ledger.ExConversationsCount.Should().Be(1, "the restore replaced the old subscription instead of adding one");

        Exchange("""{"kind":"req","id":"40","type":"cqm.UnsubscribeExConversations","body":{"subscriptionId":"old"}}""", Ok("40", "\"OK\""));
        _ledger.ExConversationsCount.Should().Be(1, "the old id is gone: unsubscribing it removes nothing");
        Exchange("""{"kind":"req","id":"41","type":"cqm.UnsubscribeExConversations","body":{"subscriptionId":"new"}}""", Ok("41", "\"OK\""));
        _ledger.ExConversationsCount.Should().Be(0);
        Restore().Should().BeEmpty();
    }

    [Fact]
    public void Should_keep_a_subscription_whose_unsubscribe_was_refused()
    {
        Exchange("""{"kind":"req","id":"1","type":"cqm.SubscribeExConversations"}""", Ok("1", """{"subscriptionId":"s1"}"""));
        Exchange("""{"kind":"req","id":"2","type":"cqm.UnsubscribeExConversations","body":{"subscriptionId":"s1"}}""",
            """{"kind":"resp","reqId":"2","code":404,"body":"unknown subscription"}""");

        var frame = Restore().Single();
        ((string?)frame["type"]).Should().Be("cqm.SubscribeExConversations");
        ((JObject)frame["body"]!).Should().BeEmpty("a request with no body subscribes with every default");
    }

    [Fact]
    public void Should_keep_different_filters_as_separate_subscriptions()
    {
        Exchange("""{"kind":"req","id":"1","type":"cqm.SubscribeExConversations","body":{"convState":["OPEN"]}}""", Ok("1", """{"subscriptionId":"s1"}"""));
        Exchange("""{"kind":"req","id":"2","type":"cqm.SubscribeExConversations","body":{"convState":["CLOSE"]}}""", Ok("2", """{"subscriptionId":"s2"}"""));

        _ledger.ExConversationsCount.Should().Be(2);
    }

    [Fact]
    public void Should_keep_the_dialog_entry_when_its_restore_is_refused_and_update_it_when_accepted()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d"}}""", Ok("1"));
        var refused = _ledger.RestoreFrames(_ => 4, NextId).Single();
        _ledger.ObserveResponse(JObject.Parse($$"""{"kind":"resp","reqId":"{{refused.Id}}","code":503,"body":"busy"}"""));
        _ledger.Dialogs.Should().Equal("d");

        var accepted = _ledger.RestoreFrames(_ => 4, NextId).Single();
        _ledger.ObserveRequest(JObject.Parse(accepted.Frame));
        _ledger.ObserveResponse(JObject.Parse(Ok(accepted.Id)));

        ((long)Restore().Single()["body"]!["fromSeq"]!).Should().Be(5, "nothing more was seen since");
    }

    [Fact]
    public void Should_use_a_fresh_id_for_every_frame_and_mark_only_those_as_its_own()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"a"}}""", Ok("1"));
        Exchange("""{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"b"}}""", Ok("2"));
        Exchange("""{"kind":"req","id":"3","type":"cqm.SubscribeExConversations","body":{}}""", Ok("3", """{"subscriptionId":"s"}"""));

        var frames = _ledger.RestoreFrames(_ => null, NextId);

        frames.Select(f => f.Id).Should().Equal("101", "102", "103");
        frames.Select(f => f.Type).Should().Equal("ms.SubscribeMessagingEvents", "ms.SubscribeMessagingEvents", "cqm.SubscribeExConversations");
        frames.Should().OnlyContain(f => (string?)JObject.Parse(f.Frame)["id"] == f.Id);
        _ledger.IsRestore("1").Should().BeFalse("the user's own requests are not the session's");
    }

    [Fact]
    public void Should_forget_the_oldest_dialog_past_its_bound()
    {
        for (var i = 0; i <= SubscriptionLedger.MaxDialogs; i++)
        {
            Exchange($$$"""{"kind":"req","id":"r{{{i}}}","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d{{{i}}}"}}""", Ok($"r{i}"));
        }

        _ledger.Dialogs.Should().HaveCount(SubscriptionLedger.MaxDialogs).And.NotContain("d0").And.Contain($"d{SubscriptionLedger.MaxDialogs}");
    }

    [Fact]
    public void Should_forget_everything_on_clear()
    {
        Exchange("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"a"}}""", Ok("1"));
        Exchange("""{"kind":"req","id":"2","type":"cqm.SubscribeExConversations","body":{}}""", Ok("2", """{"subscriptionId":"s"}"""));

        _ledger.Clear();

        Restore().Should().BeEmpty();
    }
}
