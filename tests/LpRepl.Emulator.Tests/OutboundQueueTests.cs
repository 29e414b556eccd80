using System.Net.WebSockets;
using System.Text;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>A client that stops reading cannot grow the emulator: its connection's queue is bounded, then closed with 1008.</summary>
public sealed class OutboundQueueTests(OutboundQueueTests.SmallQueueEmulator emulator) : IClassFixture<OutboundQueueTests.SmallQueueEmulator>
{
    private const int MaxFrames = 64;

    [Fact]
    public async Task Should_close_with_1008_and_never_hold_more_than_the_bound_for_a_client_that_stops_reading()
    {
        using var socket = emulator.CreateSocket("jwt " + await emulator.SignupAsync());
        await socket.ConnectAsync(emulator.ConsumerUri(), Deadline.After());
        await SendAsync(socket, """{"kind":"req","id":"c","type":"cm.ConsumerRequestConversation"}""");
        var conversationId = (string)(await ReceiveAsync(socket))["body"]!["conversationId"]!;
        await SendAsync(socket, $$$$"""{"kind":"req","id":"s","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"{{{{conversationId}}}}"}}""");

        // From here on the client reads nothing: each publish queues a response and a 32 KB echo.
        var text = new string('x', 32 * 1024);
        var peak = 0;
        var sent = 0;
        for (; sent < 2000 && !emulator.IsClosing(); sent++)
        {
            await SendAsync(socket, $$$$"""{"kind":"req","id":"p{{{{sent}}}}","type":"ms.PublishEvent","body":{"dialogId":"{{{{conversationId}}}}","event":{"type":"ContentEvent","contentType":"text/plain","message":"{{{{text}}}}"}}}""");
            peak = Math.Max(peak, emulator.Server.Faults.Queued);
        }

        // The client reads again: what the socket buffers held, then the close.
        var received = 0;
        WebSocketReceiveResult result;
        var buffer = new byte[64 * 1024];
        do
        {
            result = await socket.ReceiveAsync(buffer, Deadline.After());
            received += result.EndOfMessage && result.MessageType == WebSocketMessageType.Text ? 1 : 0;
        }
        while (result.MessageType != WebSocketMessageType.Close);

        result.CloseStatus.Should().Be(WebSocketCloseStatus.PolicyViolation);
        result.CloseStatusDescription.Should().Be("Outbound queue full: the client is not reading");
        peak.Should().BeLessThanOrEqualTo(MaxFrames + 1, "the queue never holds more than its bound (and the close frame)");
        received.Should().BeLessThan(2 + (2 * sent), "what was queued past the bound was dropped, not sent");
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Deadline.After());

    private static async Task<JObject> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Deadline.After());
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
    }

    public sealed class SmallQueueEmulator : EmulatorFixture
    {
        /// <summary>Whether the emulator has begun closing a consumer socket (its close frame is queued): no more frames are queued for it.</summary>
        public bool IsClosing() => Server.Faults.Closing > 0;

        protected override EmulatorOptions CreateOptions() =>
            new() { Agent = AgentMode.Silent, MaxQueuedFrames = MaxFrames, MaxQueuedCharacters = 1024 * 1024, RequestsPerSecond = 0 };
    }
}
