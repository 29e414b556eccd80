using System.Buffers.Binary;

namespace LpRepl.Tests.Support;

/// <summary>WebSocket frames built by hand (RFC 6455 §5.2), independently of the code under test.</summary>
public static class WsFrames
{
    public static byte[] Build(byte opcode, byte[] payload, bool masked = false, bool fin = true)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126)
        {
            header.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add((byte)(maskBit | 126));
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }
        var body = (byte[])payload.Clone();
        if (masked)
        {
            byte[] mask = [0x12, 0x34, 0x56, 0x78];
            header.AddRange(mask);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i % 4];
            }
        }
        return [.. header, .. body];
    }

    public static byte[] Text(string text, bool masked = false) => Build(0x1, System.Text.Encoding.UTF8.GetBytes(text), masked);

    public static byte[] Pong(byte[] payload) => Build(0xA, payload);

    public static byte[] ProbePayload(long probe)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(payload, probe);
        return payload;
    }
}
