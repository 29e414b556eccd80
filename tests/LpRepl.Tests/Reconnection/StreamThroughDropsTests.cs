using System.Text.RegularExpressions;
using LpRepl.Repl;
using LpRepl.Repl.Reconnection;
using LpRepl.Testing;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Reconnection;

/// <summary>
/// The agent streams numbered messages while the socket is cut again and again — by the emulator, and
/// separately by a TCP proxy that resets the connection as a network would — and the session, with no
/// help, ends with every message once and in order, and a wait begun before the first cut succeeds.
/// </summary>
public partial class StreamThroughDropsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const int Messages = 200;
    private const int Drops = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The backoff's own timing is BackoffTests' and ReconnectTests' business; here only the cuts matter.
    private static readonly ReconnectPolicy Quick = ReconnectPolicy.Default with { Initial = TimeSpan.FromMilliseconds(2) };

    [Fact]
    public async Task Should_show_every_agent_message_once_in_order_through_drops_by_the_emulator()
    {
        var cuts = await StreamAsync(null, () => emulator.Server.Faults.Drop().Sockets > 0, seed: 11);

        cuts.Should().BeGreaterThanOrEqualTo(Drops);
    }

    [Fact]
    public async Task Should_show_every_agent_message_once_in_order_through_resets_by_the_network()
    {
        await using var proxy = new FaultProxy("127.0.0.1", new Uri(emulator.Server.BaseUri, "/").Port);
        var cuts = await StreamAsync(proxy, () =>
        {
            var live = proxy.Live;
            proxy.ResetAll();
            return live > 0;
        }, seed: 23);

        cuts.Should().BeGreaterThanOrEqualTo(Drops);
        proxy.Accepted.Should().BeGreaterThan(Drops, "each reconnect is a new TCP connection through the proxy");
    }

    // Returns how many cuts hit an open socket; each cut is one.
    private async Task<int> StreamAsync(FaultProxy? proxy, Func<bool> cut, int seed)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output, reconnect: Quick);
        if (proxy is not null)
        {
            session.Variables.Set("LP_ASYNCMESSAGINGENT", $"127.0.0.1:{proxy.Port}");
        }
        var lines = new ScriptedLines("signup", "connect", "request-conversation");
        var loop = Task.Run(() => new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text.StartsWith("conversationId=", StringComparison.Ordinal), Timeout);
        lines.Push("subscribe-messages");
        await output.WaitForAsync(e => e.Kind == "<" && e.Note?.StartsWith("ms.SubscribeMessagingEvents", StringComparison.Ordinal) == true, Timeout);
        var conversation = session.Variables["conversationId"]!;
        lines.Push($"wait ms.MessagingEventNotification '.body.changes[*].event.message=msg {Messages}' timeout=120").Push("echo waited");

        var random = new Random(seed);
        var cutAt = Enumerable.Range(1, Messages - 1).OrderBy(_ => random.Next()).Take(Drops + 5).ToHashSet();
        var cuts = 0;
        for (var i = 1; i <= Messages; i++)
        {
            emulator.Server.AgentSeat.Say(EmulatorFixture.Account, conversation, $"msg {i}").Ok.Should().BeTrue();
            if (cutAt.Contains(i))
            {
                // Cut the socket once it is back, and go on only when the session has seen the cut: a server
                // can still hold a socket the client already left, and cutting that one tests nothing.
                var seen = Lost(output);
                await Until.TrueAsync(() => session.Supervisor.State == LinkState.Connected, "the socket is back", Timeout);
                await Until.TrueAsync(() => Lost(output) > seen || (cut() && false), "the session sees the cut", Timeout);
                cuts++;
            }
        }
        await output.WaitForAsync(e => e.Text == "waited", Timeout);
        lines.End();
        (await loop.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);

        AgentMessages(output).Should().Equal(Enumerable.Range(1, Messages).Select(i => $"msg {i}"), "each message is shown exactly once, in order");
        output.Errors.Should().BeEmpty();
        Lost(output).Should().BeGreaterThanOrEqualTo(cuts, "each cut is said once");
        session.Supervisor.Reconnects.Should().BeGreaterThanOrEqualTo(Drops);
        return cuts;
    }

    private static int Lost(CollectingOutput output) => output.Entries.Count(e => e.Text.StartsWith("connection lost", StringComparison.Ordinal));

    private static List<string> AgentMessages(CollectingOutput output) =>
        [.. output.Received
            .Select(JObject.Parse)
            .Where(f => (string?)f["type"] == "ms.MessagingEventNotification")
            .SelectMany(f => f["body"]?["changes"] as JArray ?? [])
            .Select(c => (string?)c["event"]?["message"])
            .OfType<string>()
            .Where(m => Numbered().IsMatch(m))];

    [GeneratedRegex(@"^msg \d+$")]
    private static partial Regex Numbered();
}
