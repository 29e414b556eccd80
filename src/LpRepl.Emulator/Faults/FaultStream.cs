using LpRepl.Emulator.Hosting;

namespace LpRepl.Emulator.Faults;

/// <summary>
/// The upgraded connection's raw stream, below the WebSocket layer, held by a <see cref="FreezeGate"/>:
/// while frozen no frame, ping or pong goes either way. The peer's end (EOF, reset) still passes at
/// once, so a frozen socket whose peer went away ends like any other.
/// </summary>
internal sealed class FaultStream(Stream inner, FreezeGate gate) : WrappedStream(inner)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Read first, so bytes keep leaving the TCP buffer and a reset is seen; hold them while frozen.
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            await gate.PassAsync(cancellationToken);
        }

        return read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync(cancellationToken);
        await Inner.WriteAsync(buffer, cancellationToken);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await gate.PassAsync(cancellationToken);
        await Inner.FlushAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        gate.Close();
        return base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Close();
        }

        base.Dispose(disposing);
    }
}
