using LpRepl.Security;
using LpRepl.Tests.Support;
using LpRepl.Transport;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Transport;

/// <summary>
/// A <c>disconnect</c> while the server is still sending: every frame that arrives during the close
/// handshake reaches the session whole. A close that reads the socket itself, beside the receive
/// loop, split frames between the two readers and showed the tail of one as a frame of its own.
/// </summary>
public sealed class CloseWhileReceivingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_hand_on_only_whole_frames_while_closing_under_a_flood()
    {
        // Given a server that sends frames without pause until the client's close arrives
        await using var server = new LoopbackServer(async c =>
        {
            await c.UpgradeAsync();
            var padding = new string('x', 300);
            try
            {
                for (var n = 0; ; n++)
                {
                    await c.SendAsync("{\"kind\":\"notification\",\"type\":\"flood\",\"body\":{\"n\":" + n + ",\"ok\":true,\"pad\":\"" + padding + "\"}}");
                }
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException)
            {
                // The client closed.
            }
        });

        for (var round = 0; round < 20; round++)
        {
            var received = new List<string>();
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var transport = new WebSocketTransport();
            transport.FrameReceived += text =>
            {
                lock (received)
                {
                    received.Add(text);
                }
                first.TrySetResult();
            };
            await transport.ConnectAsync(new ConnectionRequest(new Uri(server.UrlAt("/flood")), [], new TlsTrust(), TimeSpan.Zero), CancellationToken.None);
            await first.Task.WaitAsync(Timeout);

            // When the user disconnects in the middle of it
            await transport.CloseAsync(CancellationToken.None).WaitAsync(Timeout);

            // Then each frame handed on is one of the server's, whole
            lock (received)
            {
                received.Should().AllSatisfy(text => ((string?)JObject.Parse(text)["type"]).Should().Be("flood"), $"round {round}");
            }
        }
    }
}
