using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Testing;
using LpRepl.Tests.Support;
using LpRepl.Transport;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Transport;

/// <summary>
/// The keep-alive against the real emulator through a TCP proxy that can freeze the link, on fake
/// time: the interval passes when the test says so, the network stays real.
/// </summary>
public sealed class KeepAliveLinkTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly EmulatorFixture _emulator;
    private readonly FakeTimeProvider _time = new();
    private readonly AwaitableLog<Disconnection> _ends = new();
    private readonly AwaitableLog<(int Number, TimeSpan RoundTrip)> _answers = new();
    private readonly AwaitableLog<string> _frames = new();
    private readonly FaultProxy _proxy;
    private readonly WebSocketTransport _transport;
    private int _answered;

    public KeepAliveLinkTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _proxy = new FaultProxy("127.0.0.1", emulator.Server.BaseUri.Port);
        _transport = new WebSocketTransport(time: _time);
        _transport.Disconnected += _ends.Add;
        _transport.FrameReceived += _frames.Add;
        _transport.KeepAliveAnswered += rtt => _answers.Add((Interlocked.Increment(ref _answered), rtt));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _transport.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task Should_declare_a_frozen_link_lost_within_two_intervals()
    {
        // Given an open link that then stops forwarding, with no close
        await ConnectAsync(KeepAliveFrame.Ping);
        _proxy.Freeze();

        // When two intervals pass
        _time.Advance(Interval);
        _time.Advance(Interval);

        // Then the connection is lost, once, and says why
        var end = await _ends.WaitForAsync(_ => true, Bound, "the connection to end");
        end.Reason.Should().Be(DisconnectReason.Lost);
        end.Description.Should().Contain("no answer to the keep-alive").And.Contain("--keepalive 2");
        _transport.IsOpen.Should().BeFalse();
        _ends.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Should_stay_connected_while_the_link_answers_pings()
    {
        // Given an open link
        await ConnectAsync(KeepAliveFrame.Ping);

        // When interval after interval passes, each ping being answered
        for (var i = 1; i <= 4; i++)
        {
            _time.Advance(Interval);
            await _answers.WaitForAsync(a => a.Number == i, Bound, $"pong {i}");
        }

        // Then the link is still open
        _transport.IsOpen.Should().BeTrue();
        _ends.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_recover_the_count_after_a_short_freeze_that_thaws_before_the_deadline()
    {
        // Given a link frozen just after a ping left
        await ConnectAsync(KeepAliveFrame.Ping);
        _proxy.Freeze();
        _time.Advance(Interval);

        // When it thaws before the next tick and the pong comes through
        _proxy.Thaw();
        await _answers.WaitForAsync(a => a.Number == 1, Bound, "the held pong");
        _time.Advance(Interval);
        await _answers.WaitForAsync(a => a.Number == 2, Bound, "the next pong");

        // Then
        _transport.IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task Should_probe_with_GetClock_and_keep_its_answers_to_itself()
    {
        // Given a link probed with GetClock
        await ConnectAsync(KeepAliveFrame.GetClock);

        // When the keep-alive runs, and the user sends a GetClock of their own
        _time.Advance(Interval);
        await _answers.WaitForAsync(a => a.Number == 1, Bound, "the GetClock answer");
        await _transport.SendAsync("""{"kind":"req","id":"mine","type":"GetClock"}""", CancellationToken.None);

        // Then the user's answer is shown and the keep-alive's is not
        await _frames.WaitForAsync(f => f.Contains("\"mine\"", StringComparison.Ordinal), Bound, "the user's GetClock answer");
        _frames.Items.Should().ContainSingle(f => f.Contains("GetClock", StringComparison.Ordinal));
        _transport.IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task Should_declare_a_frozen_link_lost_with_GetClock_too()
    {
        // Given
        await ConnectAsync(KeepAliveFrame.GetClock);
        _proxy.Freeze();

        // When
        _time.Advance(Interval);
        _time.Advance(Interval);

        // Then
        var end = await _ends.WaitForAsync(_ => true, Bound, "the connection to end");
        end.Reason.Should().Be(DisconnectReason.Lost);
        end.Description.Should().Contain("no answer to the keep-alive");
    }

    [Fact]
    public async Task Should_report_a_reset_by_the_proxy_as_a_lost_connection()
    {
        // Given an open link
        await ConnectAsync(KeepAliveFrame.Ping);

        // When the network resets it
        _proxy.ResetAll();

        // Then the client cannot tell it from any network failure: lost, not closed by the server
        var end = await _ends.WaitForAsync(_ => true, Bound, "the connection to end");
        end.Reason.Should().Be(DisconnectReason.Lost);
        end.CloseCode.Should().BeNull();
    }

    [Fact]
    public async Task Should_not_probe_when_the_keepalive_is_off()
    {
        // Given a link opened with --keepalive 0, then frozen
        await ConnectAsync(KeepAliveFrame.Ping, TimeSpan.Zero);
        _proxy.Freeze();

        // When a long time passes
        _time.Advance(TimeSpan.FromMinutes(10));

        // Then nothing judged it
        _transport.IsOpen.Should().BeTrue();
        _ends.Items.Should().BeEmpty();
        _answers.Items.Should().BeEmpty();
    }

    private async Task ConnectAsync(KeepAliveFrame kind, TimeSpan? interval = null)
    {
        var trust = new TlsTrust();
        trust.AddRoot(_emulator.Server.CaCertificate);
        using var http = HttpClientFactory.Create(trust);
        using var signup = await http.PostAsync(new Uri(_emulator.Server.BaseUri, $"api/account/{EmulatorFixture.Account}/signup"), content: null);
        var jwt = (string)JObject.Parse(await signup.Content.ReadAsStringAsync())["jwt"]!;
        var url = new Uri($"wss://127.0.0.1:{_proxy.Port}/ws_api/account/{EmulatorFixture.Account}/messaging/consumer?v=3");
        var request = new ConnectionRequest(url, [new("Authorization", "jwt " + jwt)], trust, interval ?? Interval) { KeepAliveFrame = kind };
        using var deadline = new CancellationTokenSource(Bound);
        await _transport.ConnectAsync(request, deadline.Token);
    }
}
