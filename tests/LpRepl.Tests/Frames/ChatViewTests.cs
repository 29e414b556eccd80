using LpRepl.Frames;
using LpRepl.Frames.Chat;

namespace LpRepl.Tests.Frames;

/// <summary>
/// The chat format's lines for the frames LivePerson documents (the Messaging Window API tutorials' notification
/// examples, post-conversation survey tutorial), ids shortened.
/// </summary>
public class ChatViewTests
{
    private const string Agent = "\"originatorId\":\"29c3019d\",\"originatorMetadata\":{\"id\":\"29c3019d\",\"role\":\"ASSIGNED_AGENT\"}";
    private const string Consumer = "\"originatorId\":\"5e9ee96c\",\"originatorMetadata\":{\"id\":\"5e9ee96c\",\"role\":\"CONSUMER\"}";

    private static string Notification(params string[] changes) =>
        $"{{\"kind\":\"notification\",\"body\":{{\"changes\":[{string.Join(",", changes)}]}},\"type\":\"ms.MessagingEventNotification\"}}";

    private static string Change(string originator, string ev, int? sequence = null) =>
        $"{{{(sequence is null ? "" : $"\"sequence\":{sequence},")}{originator},\"serverTimestamp\":1538492183879,\"event\":{ev},\"conversationId\":\"c\",\"dialogId\":\"c\"}}";

    private static IReadOnlyList<string> Inbound(string frame, long number = 8, ChatView? view = null) =>
        (view ?? new ChatView()).Lines(FrameDirection.Inbound, frame, new FrameTag(number));

    [Fact]
    public void Should_show_an_agent_message_on_one_line_with_its_frame_number()
    {
        var frame = Notification(Change(Agent, "{\"type\":\"ContentEvent\",\"message\":\"Hello again\",\"contentType\":\"text/plain\"}", 2));

        Inbound(frame).Should().Equal("agent: Hello again  #8");
    }

    [Fact]
    public void Should_call_the_consumer_you()
    {
        var frame = Notification(Change(Consumer, "{\"type\":\"ContentEvent\",\"message\":\"Hello from Consumer\",\"contentType\":\"text/plain\"}", 3));

        Inbound(frame, 5).Should().Equal("you: Hello from Consumer  #5");
    }

    [Theory]
    [InlineData("{\"type\":\"ChatStateEvent\",\"chatState\":\"COMPOSING\"}", "· agent typing  #8")]
    [InlineData("{\"type\":\"ChatStateEvent\",\"chatState\":\"ACTIVE\"}", "· agent active  #8")]
    [InlineData("{\"type\":\"AcceptStatusEvent\",\"status\":\"ACCEPT\",\"sequenceList\":[4]}", "· agent ACCEPT seq 4  #8")]
    [InlineData("{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":[4,5]}", "· agent READ seq 4,5  #8")]
    [InlineData("{\"type\":\"RichContentEvent\",\"content\":{\"type\":\"vertical\",\"elements\":[]}}", "agent: [rich content]  #8")]
    public void Should_show_typing_and_receipts_as_short_lines(string ev, string line)
    {
        Inbound(Notification(Change(Agent, ev))).Should().Equal(line);
    }

    [Fact]
    public void Should_give_each_change_of_a_notification_its_own_line()
    {
        var frame = Notification(
            Change(Agent, "{\"type\":\"AcceptStatusEvent\",\"status\":\"ACCEPT\",\"sequenceList\":[0]}", 1),
            Change(Agent, "{\"type\":\"ContentEvent\",\"message\":\"You said: hi there\",\"contentType\":\"text/plain\"}", 2));

        Inbound(frame, 3).Should().Equal("· agent ACCEPT seq 0  #3", "agent: You said: hi there  #3");
    }

    [Fact]
    public void Should_keep_a_message_of_several_lines_on_one()
    {
        var frame = Notification(Change(Agent, "{\"type\":\"ContentEvent\",\"message\":\"one\\ntwo\",\"contentType\":\"text/plain\"}"));

        Inbound(frame).Should().Equal("agent: one ⏎ two  #8");
    }

    [Fact]
    public void Should_show_a_response_with_its_request_and_round_trip()
    {
        var view = new ChatView();
        var frame = "{\"kind\":\"resp\",\"reqId\":\"4\",\"code\":200,\"body\":{\"sequence\":4},\"type\":\"ms.PublishEventResponse\"}";

        view.Lines(FrameDirection.Inbound, frame, new FrameTag(6, "ms.PublishEvent", "4", TimeSpan.FromMilliseconds(4)))
            .Should().Equal("✓ ms.PublishEvent id 4 → seq 4 · 4 ms  #6");
    }

    [Fact]
    public void Should_show_a_refusal_with_its_code_and_reason()
    {
        var view = new ChatView();
        var frame = "{\"kind\":\"resp\",\"reqId\":\"3\",\"code\":400,\"body\":\"Dialog not found\",\"type\":\"StringResponse\"}";

        view.Lines(FrameDirection.Inbound, frame, new FrameTag(9, "ms.PublishEvent", "3", TimeSpan.FromMilliseconds(12)))
            .Should().Equal("✗ ms.PublishEvent id 3: 400 Dialog not found · 12 ms  #9");
    }

    [Fact]
    public void Should_name_a_response_by_its_own_type_when_the_request_is_not_known()
    {
        var frame = "{\"kind\":\"resp\",\"reqId\":\"2\",\"code\":200,\"body\":\"OK Conversation resolved successfully\",\"type\":\"StringResponse\"}";

        Inbound(frame, 4).Should().Equal("✓ StringResponse id 2  #4");
    }

    [Fact]
    public void Should_show_a_sent_frame_by_type_and_id()
    {
        var frame = "{\"kind\":\"req\",\"id\":\"4\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"c\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"Hello from the consumer\"}}}";

        new ChatView().Lines(FrameDirection.Outbound, frame, new FrameTag(7)).Should().Equal("> ms.PublishEvent id 4  #7");
    }

    [Fact]
    public void Should_tell_conversation_changes_as_opens_joins_and_closes()
    {
        var view = new ChatView();
        string Change(string state, string? closeReason, params string[] roles) =>
            "{\"kind\":\"notification\",\"body\":{\"subscriptionId\":\"1e25cbe8\",\"changes\":[{\"type\":\"UPSERT\",\"result\":{\"convId\":\"b3aea67d-01ca-4bf7-af4f-9897cf6b77a7\",\"effectiveTTR\":-1,"
            + $"\"conversationDetails\":{{\"participants\":[{string.Join(",", roles.Select(r => $"{{\"id\":\"{r.ToLowerInvariant()}-1\",\"role\":\"{r}\"}}"))}],\"brandId\":\"64467156\",\"state\":\"{state}\",\"stage\":\"{state}\""
            + (closeReason is null ? "" : $",\"closeReason\":\"{closeReason}\"") + "}}}]},\"type\":\"cqm.ExConversationChangeNotification\"}";

        Inbound(Change("OPEN", null, "CONSUMER"), 2, view).Should().Equal("· conversation b3aea67d open  #2");
        Inbound(Change("OPEN", null, "CONSUMER", "ASSIGNED_AGENT"), 3, view).Should().Equal("· agent joined  #3");
        Inbound(Change("OPEN", null, "CONSUMER", "ASSIGNED_AGENT", "MANAGER"), 4, view).Should().Equal("· manager joined  #4");
        Inbound(Change("CLOSE", "CONSUMER", "CONSUMER", "ASSIGNED_AGENT"), 5, view).Should().Equal("· manager left  #5", "· conversation b3aea67d closed by consumer  #5");
        Inbound(Change("CLOSE", "CONSUMER", "CONSUMER", "ASSIGNED_AGENT"), 6, view).Should().Equal("· conversation b3aea67d updated  #6");
        Inbound(Change("OPEN", null, "CONSUMER", "ASSIGNED_AGENT", "READER"), 7, new ChatView()).Should().Equal("· conversation b3aea67d open, with agent, reader  #7");
    }

    [Fact]
    public void Should_say_a_frame_is_not_json_without_printing_all_of_it()
    {
        var lines = Inbound("not json " + new string('x', 500));

        var line = lines.Should().ContainSingle().Which;
        line.Should().StartWith("< not valid JSON: not json x").And.EndWith("…  #8");
        line.Length.Should().BeLessThan(120);
    }
}
