using System.Text;

namespace LpRepl.Terminal;

/// <summary>
/// Standard output when it is a file or a pipe: writes are gathered and go out a few milliseconds after the first
/// of them (or when 64 KiB are waiting), not one system call per frame. A flood of frames costs one write per batch;
/// a reader such as <c>tail -f</c> still sees each frame within <see cref="Delay"/>.
/// </summary>
public sealed class CoalescingWriter : IDisposable
{
    /// <summary>How long a write may wait for others to join it.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly ITimer _timer;
    private bool _scheduled;

    public CoalescingWriter(Stream stream, TimeProvider? time = null)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 64 * 1024) { AutoFlush = false };
        _timer = (time ?? TimeProvider.System).CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Write(string text)
    {
        lock (_gate)
        {
            _writer.Write(text);
            if (!_scheduled)
            {
                _scheduled = true;
                _timer.Change(Delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Writes out what waits (before anything goes to stderr, so a file holding both keeps their order).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _scheduled = false;
            try
            {
                _writer.Flush();
            }
            catch (IOException)
            {
                // The reader went away (a closed pipe): nothing more can be shown there.
            }
        }
    }

    public void Dispose()
    {
        Flush();
        _timer.Dispose();
    }
}
