namespace LpRepl.Emulator.Hosting;

/// <summary>
/// The upgraded connection's stream, noting every read that brings bytes: WebSocket pings are
/// answered inside the framework and never reach the application, so this is where they show.
/// </summary>
internal sealed class ActivityStream(Stream inner, ConnectionActivity activity) : WrappedStream(inner)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            activity.Touch();
        }

        return read;
    }
}
