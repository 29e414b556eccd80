using System.Text;

namespace LpRepl.Services;

/// <summary>
/// A child's output stream read to its end, keeping at most a cap of it: past the cap the rest is
/// read and dropped (so the child never blocks on a full pipe) and <see cref="Overflowed"/> is set.
/// </summary>
internal sealed class CappedOutput
{
    private readonly Lock _gate = new();
    private readonly MemoryStream _kept = new();
    private readonly int _cap;
    private readonly Action? _onOverflow;
    private int _overflowed;

    private CappedOutput(Stream stream, int cap, Action? onOverflow)
    {
        _cap = cap;
        _onOverflow = onOverflow;
        Completion = Task.Run(() => PumpAsync(stream));
    }

    /// <summary>Done at the end of the stream (every writer closed it or died).</summary>
    public Task Completion { get; }

    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Starts reading; <paramref name="onOverflow"/> runs once, when the cap is passed.</summary>
    public static CappedOutput Start(Stream stream, int cap, Action? onOverflow = null) => new(stream, cap, onOverflow);

    /// <summary>What was kept so far, as UTF-8 text.</summary>
    public string Text()
    {
        lock (_gate)
        {
            return Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
        }
    }

    private async Task PumpAsync(Stream stream)
    {
        var block = new byte[16 * 1024];
        try
        {
            int count;
            while ((count = await stream.ReadAsync(block)) > 0)
            {
                Keep(block, count);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was disposed while a child still held the pipe: what was read stands.
        }
    }

    private void Keep(byte[] block, int count)
    {
        lock (_gate)
        {
            var room = (int)Math.Max(0, _cap - _kept.Length);
            _kept.Write(block, 0, Math.Min(room, count));
            if (count <= room)
            {
                return;
            }
        }
        if (Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            _onOverflow?.Invoke();
        }
    }
}
