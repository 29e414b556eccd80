using LpRepl.Tests.Support;
using LpRepl.Transport.KeepAlive;

namespace LpRepl.Tests.Transport;

public sealed class FrameScannerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(70_000)]
    public void Should_know_the_boundary_after_a_frame_of_any_length_class(int length)
    {
        // Given a text frame with a 7-, 16- or 64-bit length, then a pong
        var frame = WsFrames.Build(0x1, new byte[length]);
        var pongs = new List<byte[]>();
        var scanner = new FrameScanner((opcode, payload) => { if (opcode == 0xA) { pongs.Add(payload); } });

        // When all but its last byte are scanned, then the rest
        scanner.Scan(frame.AsSpan(0, frame.Length - 1));
        var insideBeforeLastByte = !scanner.AtBoundary;
        scanner.Scan(frame.AsSpan(frame.Length - 1));
        scanner.Scan(WsFrames.Pong(WsFrames.ProbePayload(7)));

        // Then
        insideBeforeLastByte.Should().BeTrue();
        scanner.AtBoundary.Should().BeTrue();
        pongs.Should().ContainSingle().Which.Should().Equal(WsFrames.ProbePayload(7));
    }

    [Fact]
    public void Should_follow_frames_fed_one_byte_at_a_time()
    {
        // Given a masked client text frame (16-bit length), a masked ping and a fragment pair
        byte[] stream = [
            .. WsFrames.Text(new string('x', 300), masked: true),
            .. WsFrames.Build(0x9, [1, 2, 3], masked: true),
            .. WsFrames.Build(0x1, [65], fin: false),
            .. WsFrames.Build(0x0, [66]),
        ];
        var controls = new List<(byte Opcode, byte[] Payload)>();
        var scanner = new FrameScanner((opcode, payload) => controls.Add((opcode, payload)));
        var boundaries = new List<int>();

        // When
        for (var i = 0; i < stream.Length; i++)
        {
            scanner.Scan(stream.AsSpan(i, 1));
            if (scanner.AtBoundary)
            {
                boundaries.Add(i + 1);
            }
        }

        // Then: boundaries only where a frame ends, and the ping's payload unmasked
        var first = 2 + 2 + 4 + 300;
        boundaries.Should().Equal(first, first + 9, first + 9 + 3, first + 9 + 6);
        controls.Should().ContainSingle();
        controls[0].Opcode.Should().Be(0x9);
        controls[0].Payload.Should().Equal(1, 2, 3);
    }
}
