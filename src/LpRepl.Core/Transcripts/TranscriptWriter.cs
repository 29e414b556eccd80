using LpRepl.Frames;
using LpRepl.Security;
using Newtonsoft.Json;

namespace LpRepl.Transcripts;

/// <summary>
/// A frame transcript in JSON Lines: <c>{"dir":"out"|"in","ts":"…","frame":"…"}</c> per frame,
/// with every JWT redacted, in a file only its owner can read (0600). Written as frames pass, flushed per line so a crash loses nothing.
/// </summary>
public sealed class TranscriptWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly TimeProvider _time;
    private bool _disposed;

    public TranscriptWriter(string path, TimeProvider time)
    {
        Path = path;
        _time = time;
        // A transcript shows what was said in a conversation: private to its owner, like the history.
        _writer = new StreamWriter(PrivateFile.Open(path, FileMode.Append), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
    }

    public string Path { get; }

    public void Write(FrameDirection direction, string frame)
    {
        var entry = new TranscriptEntry(direction == FrameDirection.Outbound ? "out" : "in", _time.GetUtcNow(), SecretRedactor.Redact(frame));
        var line = JsonConvert.SerializeObject(entry);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            try
            {
                _writer.WriteLine(line);
            }
            catch (IOException)
            {
                // A full disk costs the transcript, never the frame.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }
}
