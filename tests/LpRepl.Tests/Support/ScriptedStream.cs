namespace LpRepl.Tests.Support;

/// <summary>
/// A connection's stream for stream-wrapper tests: reads hand out the scripted inbound bytes in
/// chunks of a chosen size (1: every read split at every byte), writes are kept in order.
/// </summary>
public sealed class ScriptedStream(byte[] inbound, int chunk) : Stream
{
    private int _read;

    public MemoryStream Written { get; } = new();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), inbound.Length - _read);
        Array.Copy(inbound, _read, buffer, offset, n);
        _read += n;
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

    public override void Flush()
    {
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
