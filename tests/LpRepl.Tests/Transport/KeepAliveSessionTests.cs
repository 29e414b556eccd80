using LpRepl.Commands;
using LpRepl.Repl;
using LpRepl.Testing;
using LpRepl.Tests.Support;
using LpRepl.Transport;
using Microsoft.Extensions.Time.Testing;

namespace LpRepl.Tests.Transport;

/// <summary>The session's side of the keep-alive: <c>--show-pings</c>, <c>keepalive show|hide</c>, and <c>keepalive</c> alone.</summary>
public sealed class KeepAliveSessionTests : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly EmulatorFixture _emulator;
    private readonly FakeTimeProvider _time = new();
    private readonly AwaitableLog<int> _answers = new();
    private int _answered;

    public KeepAliveSessionTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_print_each_round_trip_when_asked_and_stop_on_hide()
    {
        // Given a session started with --show-pings
        var output = new CollectingOutput();
        await using var session = await ConnectedSessionAsync(output, KeepAliveFrame.Ping, show: true);

        // When a keep-alive is answered
        await AnswerOneAsync(1);

        // Then its round trip is printed
        output.Entries.Should().ContainSingle(e => e.Kind == "info" && e.Text.StartsWith("keep-alive answered in ", StringComparison.Ordinal) && e.Text.EndsWith(" ms", StringComparison.Ordinal));

        // And after 'keepalive hide' the next one is not
        (await session.ExecuteAsync("keepalive hide", CancellationToken.None)).Outcome.Should().Be(LineOutcome.Ok);
        await AnswerOneAsync(2);
        output.Entries.Count(e => e.Text.StartsWith("keep-alive answered", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Should_describe_the_keepalive_and_hide_the_GetClock_answers()
    {
        // Given a session probing with GetClock, round trips hidden
        var output = new CollectingOutput();
        await using var session = await ConnectedSessionAsync(output, KeepAliveFrame.GetClock, show: false);

        // When a probe is answered and the user asks
        await AnswerOneAsync(1);
        await session.ExecuteAsync("keepalive", CancellationToken.None);

        // Then the answer frame was not shown and the description names kind, interval and the last round trip
        output.Received.Should().NotContain(f => f.Contains("lprepl-keepalive", StringComparison.Ordinal));
        output.Entries.Should().NotContain(e => e.Text.StartsWith("keep-alive answered", StringComparison.Ordinal));
        var description = output.Entries.Last(e => e.Kind == "data").Text;
        description.Should().Contain("a GetClock request every 2 s").And.Contain("last answered in").And.Contain("round trips hidden");
    }

    [Fact]
    public async Task Should_show_round_trips_after_a_wscat_line_with_P()
    {
        // Given a session whose round trips are hidden, signed up
        var output = new CollectingOutput();
        await using var session = await SessionAsync(output, KeepAliveFrame.Ping, show: false);
        using var deadline = new CancellationTokenSource(Bound);
        (await session.ExecuteAsync("signup", deadline.Token)).Outcome.Should().Be(LineOutcome.Ok);

        // When the tutorial's wscat line is typed with -P
        var url = $"wss://{_emulator.Server.Authority}/ws_api/account/{EmulatorFixture.Account}/messaging/consumer?v=3";
        (await session.ExecuteAsync($"wscat -c {url} -H \"Authorization:jwt $LP_JWT\" -P", deadline.Token)).Outcome.Should().Be(LineOutcome.Ok);
        await AnswerOneAsync(1);

        // Then
        output.Entries.Should().ContainSingle(e => e.Kind == "info" && e.Text.StartsWith("keep-alive answered in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_an_unknown_keepalive_switch()
    {
        var output = new CollectingOutput();
        await using var session = _emulator.NewSession(output);

        var result = await session.ExecuteAsync("keepalive loud", CancellationToken.None);

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Contain("show or hide");
    }

    private async Task<ReplSession> ConnectedSessionAsync(CollectingOutput output, KeepAliveFrame kind, bool show)
    {
        var session = await SessionAsync(output, kind, show);
        using var deadline = new CancellationTokenSource(Bound);
        (await session.ExecuteAsync("signup", deadline.Token)).Outcome.Should().Be(LineOutcome.Ok);
        (await session.ExecuteAsync("connect", deadline.Token)).Outcome.Should().Be(LineOutcome.Ok);
        return session;
    }

    private async Task<ReplSession> SessionAsync(CollectingOutput output, KeepAliveFrame kind, bool show)
    {
        await using var template = _emulator.NewSession(output);
        var transport = new WebSocketTransport(time: _time);
        var services = template.Services with { Transport = transport, KeepAlive = Interval, KeepAliveFrame = kind, ShowKeepAlive = show };
        var session = new ReplSession(services, CommandRegistry.CreateDefault());
        // Added after the session's own handler, so by the time it runs the session has printed.
        transport.KeepAliveAnswered += _ => _answers.Add(Interlocked.Increment(ref _answered));
        return session;
    }

    private async Task AnswerOneAsync(int number)
    {
        _time.Advance(Interval);
        await _answers.WaitForAsync(n => n == number, Bound, $"keep-alive answer {number}");
    }
}
