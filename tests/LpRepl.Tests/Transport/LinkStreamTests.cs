using System.Text;
using LpRepl.Tests.Support;
using LpRepl.Transport.KeepAlive;

namespace LpRepl.Tests.Transport;

public sealed class LinkStreamTests
{
    private static readonly byte[] Upgrade = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Should_see_the_pong_after_the_101_head_however_reads_are_split(int chunk)
    {
        // Given the server's 101 head, a text frame, an unsolicited empty pong and the answer to probe 5
        byte[] inbound = [.. Upgrade, .. WsFrames.Text("{\"kind\":\"notification\"}"), .. WsFrames.Pong([]), .. WsFrames.Pong(WsFrames.ProbePayload(5))];
        var inner = new ScriptedStream(inbound, chunk);
        await using var link = new LinkStream(inner);
        var pongs = new List<long?>();
        link.Pong += payload => pongs.Add(PingFrame.ProbeOf(payload));
        var heard = 0;
        link.Heard += () => heard++;

        // When everything is read
        var buffer = new byte[8192];
        var total = 0;
        int n;
        while ((n = await link.ReadAsync(buffer)) > 0)
        {
            total += n;
        }

        // Then the bytes pass unchanged, and both pongs are seen, only ours with a probe number
        total.Should().Be(inbound.Length);
        link.Upgraded.Should().BeTrue();
        pongs.Should().Equal(null, 5L);
        heard.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Should_write_a_ping_only_between_the_clients_frames()
    {
        // Given an upgraded link whose client has written its request and half a frame
        var inner = new ScriptedStream(Upgrade, 4096);
        await using var link = new LinkStream(inner);
        (await link.ReadAsync(new byte[4096])).Should().Be(Upgrade.Length);
        await link.WriteAsync(Request);
        var frame = WsFrames.Text(new string('a', 200), masked: true);
        await link.WriteAsync(frame.AsMemory(0, 50));

        // When a ping is asked for mid-frame, then the frame is finished
        var ping = PingFrame.Build(9);
        await link.SendPingAsync(ping, CancellationToken.None);
        var writtenMidFrame = inner.Written.Length;
        await link.WriteAsync(frame.AsMemory(50));

        // Then the ping waited for the frame's end and follows it
        writtenMidFrame.Should().Be(Request.Length + 50);
        inner.Written.ToArray().Should().Equal([.. Request, .. frame, .. ping]);

        // And at a boundary a ping leaves at once
        await link.SendPingAsync(PingFrame.Build(10), CancellationToken.None);
        inner.Written.Length.Should().Be(Request.Length + frame.Length + (2 * ping.Length));
    }

    [Fact]
    public async Task Should_leave_a_connection_that_was_not_upgraded_alone()
    {
        // Given a proxy's CONNECT answer (the tunnel inside is another stream)
        var connectAnswer = Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n");
        byte[] inbound = [.. connectAnswer, .. WsFrames.Pong(WsFrames.ProbePayload(1))];
        var inner = new ScriptedStream(inbound, 7);
        await using var link = new LinkStream(inner);
        var pongs = 0;
        link.Pong += _ => pongs++;

        // When
        while (await link.ReadAsync(new byte[64]) > 0)
        {
        }
        await link.WriteAsync(Request);
        await link.SendPingAsync(PingFrame.Build(1), CancellationToken.None);

        // Then nothing is read into it and no ping is ever written into it
        link.Upgraded.Should().BeFalse();
        pongs.Should().Be(0);
        inner.Written.ToArray().Should().Equal(Request);
    }

    [Fact]
    public void Should_mask_the_ping_and_carry_the_probe_number()
    {
        // When
        var ping = PingFrame.Build(0x0102030405060708);

        // Then: FIN+ping, masked, 8 bytes, which unmask to the probe number
        ping[0].Should().Be(0x89);
        ping[1].Should().Be(0x88);
        var payload = ping.AsSpan(6).ToArray();
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= ping[2 + (i % 4)];
        }
        PingFrame.ProbeOf(payload).Should().Be(0x0102030405060708);
    }
}
