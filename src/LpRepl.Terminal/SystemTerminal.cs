using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using LpRepl.IO;
using LpRepl.Terminal.Input;

namespace LpRepl.Terminal;

/// <summary>The real console. The only type in LpRepl's terminal layer that calls <c>System.Console</c>.</summary>
public sealed class SystemTerminal : ITerminal, IDisposable
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly CoalescingWriter? _batched;
    private readonly Channel<KeyPress> _keys = Channel.CreateUnbounded<KeyPress>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PosixSignalRegistration? _resize;
    private readonly PosixSignalRegistration? _terminate;
    private readonly ConsoleLineReader _typed = new(Console.ReadLine);
    private Thread? _reader;
    private int _waitingForKey;
    private BoundedLineReader? _redirected;
    private IDisposable? _raw;
    private int _modesReset;

    public SystemTerminal()
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        _out = Console.Out;
        // To a file or a pipe, frames are gathered into fewer writes; a terminal gets each write at once.
        _batched = Console.IsOutputRedirected ? new CoalescingWriter(Console.OpenStandardOutput()) : null;
        _error = Console.Error;
        Console.CancelKeyPress += OnCancelKeyPress;
        // Whatever ends the run (an exit, SIGTERM, a crash's UnhandledException), the
        // terminal gets its modes back: a normal exit does it in Dispose, and the first one wins.
        AppDomain.CurrentDomain.ProcessExit += OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException += OnProcessEnding;
        if (!OperatingSystem.IsWindows())
        {
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Resized?.Invoke());
            // SIGTERM ends the process without ProcessExit: the modes go back first, then it ends as it would have.
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => ResetModes());
        }
    }

    public event Action? Resized;

    public event Action? Interrupted;

    public bool InputIsTerminal => !Console.IsInputRedirected;

    public bool OutputIsTerminal => !Console.IsOutputRedirected;

    public bool ErrorIsTerminal => !Console.IsErrorRedirected;

    public int Width => Size(() => Console.WindowWidth, 80);

    public int Height => Size(() => Console.WindowHeight, 24);

    // The terminal's size is asked of whichever stream is one (stderr too, with stdout sent to a file).
    private static int Size(Func<int> ask, int unknown)
    {
        try
        {
            var size = Console.IsOutputRedirected && Console.IsErrorRedirected ? 0 : ask();
            return size > 0 ? size : unknown;
        }
        catch (IOException)
        {
            return unknown;
        }
    }

    // Console.ReadLine blocks; it runs on a thread of its own so frames keep printing meanwhile.
    // Redirected input (a pipe, a file, /dev/zero) is read with the line length capped, as script files are.
    public Task<string?> ReadLineAsync(CancellationToken ct) => Console.IsInputRedirected
        ? (_redirected ??= new BoundedLineReader(Console.OpenStandardInput(), "stdin", InputLimits.ScriptLineBytes)).ReadLineAsync(ct)
        : _typed.ReadLineAsync(ct);

    public IDisposable EnterRawMode()
    {
        var raw = OperatingSystem.IsWindows() ? null : RawMode.TryEnter();
        if (_reader is null)
        {
            _reader = new Thread(raw is null ? ReadConsoleKeys : ReadRawInput) { IsBackground = true, Name = "lprepl-keys" };
            _reader.Start();
        }
        _raw = raw;
        WriteScreen(TerminalModes.BracketedPasteOn);
        return new Restore(() =>
        {
            WriteScreen(TerminalModes.BracketedPasteOff);
            raw?.Dispose();
        });
    }

    public async ValueTask<KeyPress?> ReadKeyAsync(CancellationToken ct)
    {
        Volatile.Write(ref _waitingForKey, 1);
        try
        {
            return await _keys.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        finally
        {
            Volatile.Write(ref _waitingForKey, 0);
        }
    }

    // Ctrl-C while nobody reads keys (a line is running) interrupts that line instead of waiting for the next prompt.
    private void Deliver(KeyPress key)
    {
        if (key == KeyPress.Ctrl('c') && Volatile.Read(ref _waitingForKey) == 0 && Interrupted is { } interrupted)
        {
            interrupted();
            return;
        }
        _keys.Writer.TryWrite(key);
    }

    public void Write(string text)
    {
        if (_batched is not null)
        {
            _batched.Write(text);
            return;
        }
        _out.Write(text);
        _out.Flush();
    }

    public void WriteError(string text)
    {
        // What went to stdout first is written first: `2>&1` keeps the order it had.
        _batched?.Flush();
        _error.Write(text);
        _error.Flush();
    }

    public void Dispose()
    {
        ResetModes();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException -= OnProcessEnding;
        Console.CancelKeyPress -= OnCancelKeyPress;
        _resize?.Dispose();
        _terminate?.Dispose();
        _redirected?.Dispose();
        _batched?.Dispose();
    }

    // Unix: bytes straight from the terminal, decoded by our own KeyDecoder (escape sequences, bracketed paste).
    private void ReadRawInput()
    {
        var pump = new KeyPump(new KeyDecoder(), Deliver);
        // Straight from file descriptor 0: .NET's console stream would echo and line-edit on its own.
        using var stdin = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        var utf8 = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[4097];
        while (true)
        {
            int read;
            try
            {
                read = stdin.Read(bytes, 0, bytes.Length);
            }
            catch (IOException)
            {
                read = 0;
            }
            if (read == 0)
            {
                pump.Complete();
                _keys.Writer.TryComplete();
                return;
            }
            var count = utf8.GetChars(bytes, 0, read, chars, 0, flush: false);
            pump.Feed(chars.AsSpan(0, count));
        }
    }

    // Elsewhere (Windows): the console's own key events, mapped to ours.
    private void ReadConsoleKeys()
    {
        Console.TreatControlCAsInput = true;
        while (true)
        {
            var info = Console.ReadKey(intercept: true);
            Deliver(ConsoleKeyMapper.Map(info));
        }
    }

    private void OnProcessEnding(object? sender, EventArgs e)
    {
        _batched?.Flush();
        ResetModes();
    }

    private void ResetModes()
    {
        if (Interlocked.Exchange(ref _modesReset, 1) != 0)
        {
            return;
        }
        var edited = _raw is not null;
        _raw?.Dispose();
        try
        {
            if (!Console.IsOutputRedirected)
            {
                Write(TerminalModes.Reset);
            }
            else if (edited && !Console.IsErrorRedirected)
            {
                WriteError(TerminalModes.Reset);
            }
        }
        catch (IOException)
        {
            // The terminal is gone (hung up): nothing to restore.
        }
    }

    // The terminal the line editor draws on: stdout, or stderr when stdout goes to a file.
    private void WriteScreen(string text)
    {
        if (Console.IsOutputRedirected)
        {
            WriteError(text);
        }
        else
        {
            Write(text);
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interrupted is null)
        {
            return;
        }
        e.Cancel = true;
        Interrupted.Invoke();
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                restore();
            }
        }
    }
}
