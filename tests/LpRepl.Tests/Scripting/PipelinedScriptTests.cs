using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Scripting;

/// <summary>
/// <c>pipeline on</c>: a script's frame lines stream without waiting for each answer; answers are matched to their
/// requests by id as they come, and a failure still names the line that sent the request. Each server here is a real
/// WebSocket server on loopback that holds its answers until the whole burst has arrived, which a lockstep script
/// could never get to.
/// </summary>
public sealed class PipelinedScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static string Publish(int id) =>
        $"{{\"kind\":\"req\",\"id\":{id},\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogId\":\"d1\",\"event\":{{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"m {id}\"}}}}}}";

    private static string Answer(JObject request, int code = 200) => new JObject
    {
        ["kind"] = "resp",
        ["reqId"] = request["id"]!.ToString(),
        ["code"] = code,
        ["body"] = code == 200 ? new JObject { ["sequence"] = request["id"] } : "Dialog is closed",
        ["type"] = "ms.PublishEventResponse",
    }.ToString(Newtonsoft.Json.Formatting.None);

    // Answers the connect's GetClock, then takes `count` requests without answering any, then answers them all,
    // newest first, each as `code(id)` says (with `extra` frames sent first).
    private static LoopbackServer HoldingServer(int count, Func<int, int?>? code = null, params string[] extra) => new(async c =>
    {
        await c.UpgradeAsync();
        await c.AnswerOneAsync();
        var held = new List<JObject>();
        while (held.Count < count && await c.ReceiveAsync() is { } text)
        {
            held.Add(JObject.Parse(text));
        }
        foreach (var frame in extra)
        {
            await c.SendAsync(frame);
        }
        foreach (var request in Enumerable.Reverse(held))
        {
            if ((code ?? (_ => 200))((int)request["id"]!) is { } answer)
            {
                await c.SendAsync(Answer(request, answer));
            }
        }
        while (await c.ReceiveAsync() is not null)
        {
        }
    });

    private static string[] Burst(string url, int count, params string[] after) =>
        ["LP_JWT=a.b.c", $"connect {url}", "pipeline on", .. Enumerable.Range(1, count).Select(Publish), .. after];

    private static async Task<(CollectingOutput Output, int Code)> RunAsync(string[] lines, TimeSpan? responseTimeout = null)
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        var source = new ScriptedLines(lines);
        source.End();
        var loop = new ReplLoop(session, source, ReplMode.Script, "burst.lprepl") { ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(10) };
        var code = await loop.RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code);
    }

    [Fact]
    public async Task Should_stream_a_burst_and_match_every_answer_to_its_request_by_id()
    {
        // Given a server that answers nothing until it holds all 50 requests, then answers them newest first
        await using var server = HoldingServer(50);

        var (output, code) = await RunAsync(Burst(server.Url, 50, "sync", "echo after"));

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var answers = output.Entries.Where(e => e.Kind == "<" && e.Text.Contains("ms.PublishEventResponse")).ToList();
        answers.Should().HaveCount(50);
        answers.Select(a => (string)JObject.Parse(a.Text)["reqId"]!).Should().Equal(Enumerable.Range(1, 50).Reverse().Select(i => i.ToString()));
        // Each answer is shown as its own request's: matched by id, not by order.
        answers.Should().OnlyContain(a => a.Note!.StartsWith($"ms.PublishEvent {(string)JObject.Parse(a.Text)["reqId"]!} · ", StringComparison.Ordinal));
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "after");
        output.Entries.Last(e => e.Kind == "data").Text.Should().Be("after");
    }

    [Fact]
    public async Task Should_time_out_on_the_same_server_in_lockstep()
    {
        // The control: without 'pipeline on' the first request's answer never comes, since the server waits for the rest.
        await using var server = HoldingServer(5);
        string[] lines = ["LP_JWT=a.b.c", $"connect {server.Url}", .. Enumerable.Range(1, 5).Select(Publish)];

        var (output, code) = await RunAsync(lines, TimeSpan.FromSeconds(1));

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Be("burst.lprepl:3: no response within 1 s to ms.PublishEvent id 1");
    }

    [Fact]
    public async Task Should_name_the_line_of_a_refused_request_in_the_burst()
    {
        // Given a burst whose seventh request (line 10) is refused
        await using var server = HoldingServer(20, id => id == 7 ? 400 : 200);

        var (output, code) = await RunAsync(Burst(server.Url, 20, "echo after"));

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .StartWith("burst.lprepl:10: the server refused ms.PublishEvent id 7 with code 400 (Dialog is closed)");
        output.Entries.Should().NotContain(e => e.Kind == "data" && e.Text == "after");
    }

    [Fact]
    public async Task Should_accept_a_wait_after_the_burst_for_a_refusal_that_was_expected()
    {
        await using var server = HoldingServer(20, id => id == 7 ? 400 : 200);

        var (output, code) = await RunAsync(Burst(server.Url, 20, "wait ms.PublishEventResponse .code=400", "echo after"));

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "after");
    }

    [Fact]
    public async Task Should_name_the_line_of_a_request_left_unanswered()
    {
        // Given a server that answers every request of the burst but the twelfth (line 15)
        await using var server = HoldingServer(30, id => id == 12 ? null : 200);

        var (output, code) = await RunAsync(Burst(server.Url, 30, "sync", "echo after"), TimeSpan.FromSeconds(1));

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Be("burst.lprepl:15: no response within 1 s to ms.PublishEvent id 12");
        output.Entries.Should().NotContain(e => e.Kind == "data" && e.Text == "after");
    }

    [Fact]
    public async Task Should_let_a_wait_after_the_burst_see_every_frame_that_came_during_it()
    {
        // Given a server that sends an event before the burst's answers
        const string Event = "{\"kind\":\"notification\",\"type\":\"ms.MessagingEventNotification\",\"body\":{\"dialogId\":\"d1\",\"changes\":[{\"sequence\":1,\"dialogId\":\"d1\",\"originatorMetadata\":{\"role\":\"ASSIGNED_AGENT\"},\"event\":{\"type\":\"ContentEvent\",\"message\":\"marker\"}}]}}";
        await using var server = HoldingServer(40, extra: Event);

        // When waits after the burst look for that event, the first answer and the last
        var (output, code) = await RunAsync(Burst(server.Url, 40,
            "wait ms.MessagingEventNotification .body.changes[0].event.message=marker",
            "wait ms.PublishEventResponse .reqId=1",
            "wait ms.PublishEventResponse .reqId=40",
            "echo after"));

        // Then each finds its frame
        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "after");
    }

    [Fact]
    public async Task Should_wait_for_a_conversation_before_a_frame_that_may_need_its_id()
    {
        // Given a server that takes a moment to open the conversation, and answers publishes at once
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            await c.AnswerOneAsync();
            while (await c.ReceiveAsync() is { } text)
            {
                var request = JObject.Parse(text);
                if ((string?)request["type"] == "cm.ConsumerRequestConversation")
                {
                    await Task.Delay(200, c.Stopping);
                    await c.SendAsync($"{{\"kind\":\"resp\",\"reqId\":\"{request["id"]}\",\"code\":200,\"body\":{{\"conversationId\":\"conv-1\"}},\"type\":\"cm.RequestConversationResponse\"}}");
                    continue;
                }
                await c.SendAsync(Answer(request));
            }
        });
        string[] lines =
        [
            "LP_JWT=a.b.c", $"connect {server.Url}", "pipeline on",
            "{\"kind\":\"req\",\"id\":\"c\",\"type\":\"cm.ConsumerRequestConversation\"}",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi\"}}}",
        ];

        var (output, code) = await RunAsync(lines);

        // Then the publish went out with the conversation's id, not before it was known
        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        server.Received.Items.Select(r => r.Text).Should().Contain(t => t.Contains("\"dialogId\":\"conv-1\""));
    }

    [Fact]
    public async Task Should_keep_at_most_the_window_in_flight()
    {
        // Given a server that answers nothing until it holds more requests than the window
        var count = ReplSession.PipelineWindow + 200;
        await using var server = HoldingServer(count);

        var (output, code) = await RunAsync(Burst(server.Url, count, "sync"), TimeSpan.FromSeconds(1));

        // Then the script stopped sending at the window's edge, and failed at the first request it could not get answered
        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should()
            .Be($"burst.lprepl:4: no response within 1 s to ms.PublishEvent id 1, ms.PublishEvent id 2 (line 5), ms.PublishEvent id 3 (line 6), ms.PublishEvent id 4 (line 7), ms.PublishEvent id 5 (line 8) and {ReplSession.PipelineWindow - 5:N0} more");
        output.Sent.Count(f => f.Contains("ms.PublishEvent")).Should().Be(ReplSession.PipelineWindow);
    }

    [Fact]
    public async Task Should_stream_past_the_window_to_a_server_that_answers_as_it_goes()
    {
        var count = ReplSession.PipelineWindow + 200;
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            while (await c.AnswerOneAsync() is not null)
            {
            }
        });

        var (output, code) = await RunAsync(Burst(server.Url, count, "sync"));

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Received.Count(r => r.Contains("ms.PublishEventResponse")).Should().Be(count);
    }

    [Fact]
    public async Task Should_let_sync_at_the_prompt_wait_for_what_is_in_flight()
    {
        // Given a session at the prompt (where nothing waits for answers) and a server that answers once it holds three
        await using var server = HoldingServer(3);
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        var source = new ScriptedLines(["LP_JWT=a.b.c", $"connect {server.Url}", Publish(1), Publish(2), Publish(3), "sync", "echo after"]);
        source.End();

        await new ReplLoop(session, source, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        // Then 'after' came only once all three were answered
        var after = output.Entries.ToList().FindIndex(e => e.Kind == "data" && e.Text == "after");
        after.Should().BePositive(string.Join('\n', output.Errors));
        output.Entries.Take(after).Count(e => e.Kind == "<" && e.Text.Contains("ms.PublishEventResponse")).Should().Be(3);
    }
}
