namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// Finds the end of an HTTP/1.1 head (the blank line) in a byte stream fed in pieces, and reads the
/// status code of a response head, so the WebSocket frames that follow can be told from it.
/// </summary>
internal sealed class HttpHeadScanner
{
    /// <summary>A head longer than this is not followed; the stream is then left alone.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private readonly byte[] _start = new byte[12];
    private int _seen;
    private int _blankLineMatched;

    public bool Done { get; private set; }

    /// <summary>The response status ("HTTP/1.1 101 …" gives 101), or null for a request or a head that was too long.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>Consumes bytes up to the end of the head and returns how many belonged to it.</summary>
    public int Scan(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (!Done && used < data.Length)
        {
            var b = data[used++];
            if (_seen < _start.Length)
            {
                _start[_seen] = b;
            }
            _seen++;
            _blankLineMatched = b == "\r\n\r\n"u8[_blankLineMatched] ? _blankLineMatched + 1 : b == '\r' ? 1 : 0;
            if (_blankLineMatched == 4)
            {
                Done = true;
                StatusCode = ParseStatus();
            }
            else if (_seen >= MaxHeadBytes)
            {
                Done = true;
            }
        }
        return used;
    }

    private int? ParseStatus()
    {
        // "HTTP/1.1 101": the code is the three digits after the first space.
        var start = _start.AsSpan();
        if (!start.StartsWith("HTTP/"u8) || start[8] != ' ')
        {
            return null;
        }
        var code = 0;
        foreach (var digit in start[9..12])
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }
            code = (code * 10) + (digit - '0');
        }
        return code;
    }
}
