using System.Threading.Channels;

namespace LpRepl.Terminal;

/// <summary>
/// Lines from a blocking reader (the system terminal gives the console's ReadLine), read on one long-lived thread so frames keep printing
/// meanwhile: a thread per line cost a thread start per line. A line is read only when one is asked for, as
/// before, so nothing typed for a program the REPL runs is taken ahead of it. A line that comes after its
/// reader gave up (Ctrl-C) is the next one asked for, not lost; after the end of input every read gives null.
/// </summary>
internal sealed class ConsoleLineReader(Func<string?> readLine, string threadName = "lprepl-lines")
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wanted = new(0);
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleWriter = true });
    private Thread? _thread;
    private bool _asked;

    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_lines.Reader.TryRead(out var ready))
            {
                return ready;
            }
            // One line asked for at a time: a read given up on still has its line coming.
            if (!_asked)
            {
                _asked = true;
                _thread ??= StartThread();
                _wanted.Release();
            }
        }
        try
        {
            return await _lines.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = threadName };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            _wanted.Wait();
            string? line;
            try
            {
                line = readLine();
            }
            catch (IOException)
            {
                line = null;
            }
            lock (_gate)
            {
                // Handed over and no longer asked for in one step, so a read never asks for a second line early.
                _lines.Writer.TryWrite(line);
                _asked = false;
                if (line is null)
                {
                    _lines.Writer.TryComplete();
                    return;
                }
            }
        }
    }
}
