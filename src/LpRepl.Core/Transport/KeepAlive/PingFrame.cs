using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LpRepl.Transport.KeepAlive;

/// <summary>The client's keep-alive ping: a masked PING control frame carrying the probe's number, which the pong echoes.</summary>
internal static class PingFrame
{
    public const int PayloadLength = 8;

    public static byte[] Build(long probe)
    {
        var frame = new byte[2 + 4 + PayloadLength];
        frame[0] = 0x89; // FIN + opcode 9 (ping)
        frame[1] = 0x80 | PayloadLength; // masked, as every client frame must be (RFC 6455 §5.3)
        RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
        var payload = frame.AsSpan(6);
        BinaryPrimitives.WriteInt64BigEndian(payload, probe);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= frame[2 + (i % 4)];
        }
        return frame;
    }

    /// <summary>The probe number a pong answers, or null for a pong that is not ours (an unsolicited one has no payload).</summary>
    public static long? ProbeOf(byte[] pongPayload) =>
        pongPayload.Length == PayloadLength ? BinaryPrimitives.ReadInt64BigEndian(pongPayload) : null;
}
