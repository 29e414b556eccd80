namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// Follows the WebSocket frames (RFC 6455 §5.2) in one direction of a byte stream, fed in pieces
/// split at any byte: it knows whether the stream is between two frames, and hands over the
/// payload of each control frame (ping, pong, close), which is at most 125 bytes.
/// </summary>
internal sealed class FrameScanner
{
    private const int MaxControlPayload = 125;
    private readonly Action<byte, byte[]>? _onControl;
    private readonly byte[] _header = new byte[14];
    private readonly byte[] _control = new byte[MaxControlPayload];
    private int _headerHave;
    private int _headerNeed = 2;
    private long _payloadLeft;
    private int _controlHave;
    private int _controlLength = -1;
    private int _maskAt = -1;

    /// <param name="onControl">Called with the opcode and the unmasked payload of each complete control frame.</param>
    public FrameScanner(Action<byte, byte[]>? onControl = null) => _onControl = onControl;

    /// <summary>True between frames: a frame written now cannot land inside another.</summary>
    public bool AtBoundary => _headerHave == 0 && _payloadLeft == 0 && _controlLength < 0;

    public void Scan(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_payloadLeft > 0)
            {
                var n = (int)Math.Min(_payloadLeft, data.Length);
                if (_controlLength >= 0)
                {
                    data[..n].CopyTo(_control.AsSpan(_controlHave));
                    _controlHave += n;
                }
                _payloadLeft -= n;
                data = data[n..];
                if (_payloadLeft == 0)
                {
                    EndControlFrame();
                }
                continue;
            }
            _header[_headerHave++] = data[0];
            data = data[1..];
            if (_headerHave == 2)
            {
                _headerNeed = HeaderLength(_header[1]);
            }
            if (_headerHave >= 2 && _headerHave == _headerNeed)
            {
                StartPayload();
            }
        }
    }

    private void StartPayload()
    {
        var length7 = _header[1] & 0x7F;
        var length = length7 switch
        {
            126 => (long)((_header[2] << 8) | _header[3]),
            // A length with the top bit set is invalid; the socket will fail on it, the scanner just stops caring.
            127 => (long)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2, 8)), long.MaxValue),
            _ => length7,
        };
        _maskAt = (_header[1] & 0x80) != 0 ? _headerNeed - 4 : -1;
        _headerHave = 0;
        _headerNeed = 2;
        _payloadLeft = length;
        var isControl = (_header[0] & 0x08) != 0;
        if (isControl && length <= MaxControlPayload)
        {
            _controlLength = (int)length;
            _controlHave = 0;
            if (length == 0)
            {
                EndControlFrame();
            }
        }
    }

    private void EndControlFrame()
    {
        if (_controlLength < 0)
        {
            return;
        }
        var payload = _control.AsSpan(0, _controlLength).ToArray();
        // The header stays in place until the payload is over, so its mask is still there.
        if (_maskAt >= 0)
        {
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= _header[_maskAt + (i % 4)];
            }
        }
        _controlLength = -1;
        _onControl?.Invoke((byte)(_header[0] & 0x0F), payload);
    }

    private static int HeaderLength(byte second)
    {
        var length7 = second & 0x7F;
        return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((second & 0x80) != 0 ? 4 : 0);
    }
}
