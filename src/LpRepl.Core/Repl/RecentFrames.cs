using LpRepl.Frames;

namespace LpRepl.Repl;

/// <summary>
/// The frames shown lately, sent and received, numbered from 1 in the order shown, so <c>show N</c> prints one whole.
/// Bounded twice, as a server picks the sizes: the newest <see cref="MaxFrames"/> and at most <see cref="MaxCharacters"/>
/// of text (the newest frame is always kept).
/// </summary>
public sealed class RecentFrames
{
    public const int MaxFrames = 1_000;

    public const long MaxCharacters = 16L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Queue<RecentFrame> _frames = new();
    private long _next = 1;
    private long _characters;

    /// <summary>Keeps the frame; returns its number.</summary>
    public long Add(FrameDirection direction, string text)
    {
        lock (_gate)
        {
            var frame = new RecentFrame(_next++, direction, text);
            _frames.Enqueue(frame);
            _characters += text.Length;
            while (_frames.Count > MaxFrames || (_characters > MaxCharacters && _frames.Count > 1))
            {
                _characters -= _frames.Dequeue().Text.Length;
            }
            return frame.Number;
        }
    }

    /// <summary>The frame numbered <paramref name="number"/>, or null when none had it or it has been let go.</summary>
    public RecentFrame? Find(long number)
    {
        lock (_gate)
        {
            return _frames.FirstOrDefault(f => f.Number == number);
        }
    }

    /// <summary>The newest frame, if any.</summary>
    public RecentFrame? Last
    {
        get
        {
            lock (_gate)
            {
                return _frames.LastOrDefault();
            }
        }
    }

    /// <summary>The oldest number still kept, or 0 when none.</summary>
    public long Oldest
    {
        get
        {
            lock (_gate)
            {
                return _frames.TryPeek(out var first) ? first.Number : 0;
            }
        }
    }
}
