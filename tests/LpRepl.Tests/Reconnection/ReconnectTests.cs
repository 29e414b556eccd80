using LpRepl.Repl;
using LpRepl.Repl.Reconnection;
using LpRepl.Testing;
using LpRepl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LpRepl.Tests.Reconnection;

/// <summary>
/// A socket the emulator drops (no close frame) or closes is recovered by itself: said once, reconnected
/// with backoff on the session's clock, the handshake repeated, and what was in flight reported, never resent.
/// </summary>
public class ReconnectTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_reconnect_after_a_drop_and_say_the_drop_once()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var (lines, loop) = Start(session, "signup", "connect");
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);

        emulator.Server.Faults.Drop();

        await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        lines.Push("get-clock");
        await output.WaitForFrameAsync(".GetClock$Response", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        output.Entries.Count(e => e.Text.StartsWith("connection lost", StringComparison.Ordinal)).Should().Be(1);
        output.Entries.Single(e => e.Text.StartsWith("connection lost", StringComparison.Ordinal)).Text.Should().EndWith("; reconnecting");
        session.Supervisor.Reconnects.Should().Be(1);
        output.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_refuse_a_frame_while_reconnecting_naming_the_next_attempt_then_send_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output, time);
        var (lines, loop) = Start(session, "signup", "connect");
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);

        emulator.Server.Faults.Drop();
        await Until.TrueAsync(() => session.Supervisor.NextAttemptAt is not null, "a reconnect attempt is scheduled", Timeout);
        lines.Push("get-clock");
        var refused = await output.WaitForAsync(e => e.Kind == "error", Timeout);
        time.Advance(TimeSpan.FromSeconds(1));
        await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        lines.Push("get-clock");
        await output.WaitForFrameAsync(".GetClock$Response", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        refused.Text.Should().StartWith("not connected: reconnecting: next attempt (1) in 0.").And.Contain("Nothing was sent").And.Contain("--queue");
        output.Sent.Count(f => f.Contains("GetClock", StringComparison.Ordinal)).Should().Be(1, "the refused frame was never sent");
    }

    [Fact]
    public async Task Should_send_frames_queued_while_reconnecting_in_order_once_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output, time, ReconnectPolicy.Default with { QueueWhileDown = true });
        var (lines, loop) = Start(session, "signup", "connect");
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);

        emulator.Server.Faults.Drop();
        await Until.TrueAsync(() => session.Supervisor.NextAttemptAt is not null, "a reconnect attempt is scheduled", Timeout);
        lines.Push("""{"kind":"req","id":"q1","type":"GetClock"}""").Push("""{"kind":"req","id":"q2","type":"GetClock"}""");
        await output.WaitForAsync(e => e.Text.StartsWith("queued", StringComparison.Ordinal) && e.Text.Contains("2 waiting", StringComparison.Ordinal), Timeout);
        output.Sent.Should().NotContain(f => f.Contains("\"q1\"", StringComparison.Ordinal), "nothing goes out while the socket is down");
        time.Advance(TimeSpan.FromSeconds(1));
        var back = await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        await output.WaitForAsync(e => e.Kind == "<" && e.Text.Contains("\"q2\"", StringComparison.Ordinal), Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        back.Text.Should().Contain("2 queued frame(s) sent");
        output.Sent.Where(f => f.Contains("\"q", StringComparison.Ordinal)).Should().Equal(
            """{"kind":"req","id":"q1","type":"GetClock"}""", """{"kind":"req","id":"q2","type":"GetClock"}""");
    }

    [Fact]
    public async Task Should_report_a_request_in_flight_at_the_drop_once_and_never_resend_it()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var (lines, loop) = Start(session, "signup", "connect");
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);

        emulator.Server.Faults.Freeze();
        lines.Push("""{"kind":"req","id":"lost-1","type":"GetClock"}""");
        await output.WaitForAsync(e => e.Kind == ">" && e.Text.Contains("lost-1", StringComparison.Ordinal), Timeout);
        emulator.Server.Faults.Drop();
        await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        emulator.Server.Faults.Thaw();
        lines.Push("status");
        var status = await output.WaitForAsync(e => e.Kind == "data" && e.Text.Contains("awaiting a response", StringComparison.Ordinal), Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        output.Entries.Where(e => e.Text.Contains("lost-1", StringComparison.Ordinal) && e.Kind == "info").Select(e => e.Text)
            .Should().Equal("GetClock id lost-1 was sent before the connection dropped; not retried");
        output.Sent.Count(f => f.Contains("lost-1", StringComparison.Ordinal)).Should().Be(1);
        status.Text.Should().StartWith("connected to").And.Contain("reconnected 1 time(s)").And.Contain("awaiting a response: 0");
    }

    [Fact]
    public async Task Should_end_a_running_wait_at_once_when_the_link_is_down_for_good()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output, reconnect: ReconnectPolicy.Default with { Enabled = false });
        var (lines, loop) = Start(session, "signup", "connect");
        await output.WaitForAsync(e => e.Text.StartsWith("connected to", StringComparison.Ordinal), Timeout);
        lines.Push("wait ms.MessagingEventNotification timeout=3600");
        await Until.TrueAsync(() => lines.Prompts.Count >= 3, "the wait line was read", Timeout);

        emulator.Server.Faults.Drop();
        var ended = await output.WaitForAsync(e => e.Kind == "error", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        ended.Text.Should().StartWith("wait ms.MessagingEventNotification timeout=3600: the connection is down for good (connection lost");
        output.Entries.Should().Contain(e => e.Text.EndsWith("; not reconnecting (--no-reconnect): 'connect' opens it again", StringComparison.Ordinal));
        session.Supervisor.State.Should().Be(LinkState.Offline);
    }

    [Fact]
    public async Task Should_restore_a_connect_init_socket_with_InitConnection_not_headers()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var (lines, loop) = Start(session, "signup", "connect --init");
        await output.WaitForAsync(e => e.Kind == "<" && e.Note?.StartsWith("InitConnection", StringComparison.Ordinal) == true, Timeout);

        emulator.Server.Faults.Drop();
        var back = await output.WaitForAsync(e => e.Text.StartsWith("reconnected to", StringComparison.Ordinal), Timeout);
        lines.Push("request-conversation");
        await output.WaitForFrameAsync("cm.RequestConversationResponse", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        back.Text.Should().Contain("InitConnection");
        output.Sent.Count(f => f.Contains("\"type\":\"InitConnection\"", StringComparison.Ordinal)).Should().Be(2);
        session.Plan!.Request.Headers.Should().NotContain(h => h.Key == "Authorization", "--init opens the socket bare, as a browser must");
        output.Received.Should().Contain(f => f.Contains("cm.RequestConversationResponse", StringComparison.Ordinal) && f.Contains("\"code\":200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_send_a_script_frame_right_after_a_drop_once_the_socket_is_back()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "fault drop", """{"kind":"req","id":"after-1","type":"GetClock"}""", "echo done");
        lines.End();

        var exit = await new ReplLoop(session, lines, ReplMode.Script, "drop.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);

        exit.Should().Be(ExitCodes.Ok, string.Join("\n", output.Errors));
        output.Sent.Count(f => f.Contains("after-1", StringComparison.Ordinal)).Should().Be(1, "a frame is sent once, after the reconnect");
        output.Received.Should().Contain(f => f.Contains("\"reqId\":\"after-1\"", StringComparison.Ordinal));
        output.Entries.Should().NotContain(e => e.Text.Contains("not retried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_a_frame_typed_right_after_a_drop_as_one_typed_while_reconnecting()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output, time);
        var (lines, loop) = Start(session, "signup", "connect", "fault drop", "get-clock");
        var refused = await output.WaitForAsync(e => e.Kind == "error", Timeout);
        lines.End();
        await loop.WaitAsync(Timeout);

        refused.Text.Should().StartWith("not connected: reconnecting: ").And.Contain("Nothing was sent");
        output.Entries.Should().NotContain(e => e.Text.Contains("not retried", StringComparison.Ordinal), "the frame never left");
    }

    [Fact]
    public async Task Should_end_a_script_with_the_refusal_code_even_when_no_later_line_needs_the_socket()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect", "fault close 4401 Token expired", "status");
        lines.End();

        var exit = await new ReplLoop(session, lines, ReplMode.Script, "refused.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);

        exit.Should().Be(ExitCodes.Unauthorized);
        output.Errors.Should().Contain(e => e.StartsWith("refused.lprepl:", StringComparison.Ordinal)
            && e.Contains(": the connection is down for good: the server closed the socket with 4401", StringComparison.Ordinal));
    }

    private static (ScriptedLines Lines, Task<int> Loop) Start(ReplSession session, params string[] first)
    {
        var lines = new ScriptedLines(first);
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        return (lines, loop);
    }
}
