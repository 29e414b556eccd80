namespace LpRepl.Transport.KeepAlive;

/// <summary>
/// The connection's plaintext stream (after TLS) as the WebSocket sees it, watched for the keep-alive:
/// it follows the server's frames to notice any byte and each pong, and writes the keep-alive's
/// PING frames between the client's own frames, which it follows too (the socket writes a frame in
/// as many pieces as it likes, so a ping is only ever written at a boundary).
/// Before the 101 response, and on a connection that is not upgraded (a proxy's CONNECT), it only passes bytes through.
/// </summary>
internal sealed class LinkStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpHeadScanner _inHead = new();
    private readonly HttpHeadScanner _outHead = new();
    private readonly FrameScanner _inFrames;
    private readonly FrameScanner _outFrames = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private byte[]? _pendingPing;

    public LinkStream(Stream inner)
    {
        _inner = inner;
        _inFrames = new FrameScanner(OnControlFrame);
    }

    /// <summary>Raised on the reading thread when bytes of the WebSocket arrive.</summary>
    public event Action? Heard;

    /// <summary>Raised with each pong's payload.</summary>
    public event Action<byte[]>? Pong;

    /// <summary>True once the server answered 101: the bytes after it are WebSocket frames.</summary>
    public bool Upgraded => _inHead.StatusCode == 101;

    private bool AtClientFrameBoundary => Upgraded && _outHead.Done && _outFrames.AtBoundary;

    /// <summary>Writes a ping now if the client is between frames, or right after the frame it is writing; <paramref name="ct"/> bounds the wait for the writer.</summary>
    public async Task SendPingAsync(byte[] frame, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            if (AtClientFrameBoundary)
            {
                // Only the wait is cancellable: half a ping would corrupt the stream.
                await _inner.WriteAsync(frame, CancellationToken.None);
                await _inner.FlushAsync(CancellationToken.None);
            }
            else
            {
                _pendingPing = frame;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken);
        ObserveInbound(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        ObserveInbound(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await _inner.WriteAsync(buffer, cancellationToken);
            ObserveOutbound(buffer.Span);
            if (_pendingPing is { } ping && AtClientFrameBoundary)
            {
                _pendingPing = null;
                await _inner.WriteAsync(ping, cancellationToken);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _writeGate.Wait();
        try
        {
            _inner.Write(buffer);
            ObserveOutbound(buffer);
            if (_pendingPing is { } ping && AtClientFrameBoundary)
            {
                _pendingPing = null;
                _inner.Write(ping);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override bool CanRead => _inner.CanRead;

    public override bool CanWrite => _inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void ObserveInbound(ReadOnlySpan<byte> data)
    {
        if (!_inHead.Done)
        {
            data = data[_inHead.Scan(data)..];
        }
        if (!Upgraded || data.IsEmpty)
        {
            return;
        }
        Heard?.Invoke();
        _inFrames.Scan(data);
    }

    private void ObserveOutbound(ReadOnlySpan<byte> data)
    {
        if (!_outHead.Done)
        {
            data = data[_outHead.Scan(data)..];
        }
        if (_outHead.Done && !data.IsEmpty)
        {
            _outFrames.Scan(data);
        }
    }

    private void OnControlFrame(byte opcode, byte[] payload)
    {
        if (opcode == 0xA)
        {
            Pong?.Invoke(payload);
        }
    }
}
