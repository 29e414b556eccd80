using System.Text;
using System.Threading.Channels;
using LpRepl.Terminal;
using LpRepl.Terminal.Input;
using LpRepl.Testing;

namespace LpRepl.Tests.Terminal;

/// <summary>
/// A terminal for tests: typed text goes through the real <see cref="KeyDecoder"/>, and output is
/// interpreted by a <see cref="VirtualScreen"/> so a test sees exactly what a person would.
/// </summary>
public sealed class FakeTerminal : ITerminal
{
    private readonly KeyDecoder _decoder = new();
    private readonly Channel<KeyPress> _keys = Channel.CreateUnbounded<KeyPress>();
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTerminal(int width = 80, int height = 24)
    {
        Width = width;
        Height = height;
        Screen = new VirtualScreen(width, height);
    }

    public VirtualScreen Screen { get; }

    public StringBuilder Out { get; } = new();

    public StringBuilder Error { get; } = new();

    public bool InputIsTerminal { get; init; } = true;

    public bool OutputIsTerminal { get; init; } = true;

    public bool ErrorIsTerminal { get; init; } = true;

    public int Width { get; set; }

    public int Height { get; }

    public bool RawMode { get; private set; }

    public event Action? Resized;

    public event Action? Interrupted;

    /// <summary>Types raw terminal input (the DSL in <see cref="Keys"/> builds it); a trailing lone ESC is the Escape key.</summary>
    public FakeTerminal Type(string input)
    {
        lock (_gate)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var key in _decoder.Feed(input).Concat(_decoder.Flush()))
            {
                _keys.Writer.TryWrite(key);
            }
        }
        return this;
    }

    /// <summary>Closes the input, as when the terminal goes away.</summary>
    public void EndInput() => _keys.Writer.TryComplete();

    /// <summary>Completes once the reader has taken every typed key and waits for more.</summary>
    public Task WaitIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public Task<string?> ReadLineAsync(CancellationToken ct) => throw new NotSupportedException("the fake terminal is key-by-key");

    public IDisposable EnterRawMode()
    {
        RawMode = true;
        return new Leave(this);
    }

    public async ValueTask<KeyPress?> ReadKeyAsync(CancellationToken ct)
    {
        if (_keys.Reader.TryRead(out var key))
        {
            return key;
        }
        lock (_gate)
        {
            if (_keys.Reader.Count == 0)
            {
                _idle.TrySetResult();
            }
        }
        try
        {
            return await _keys.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    // A stream that is not a terminal (redirected to a file) never reaches the screen.
    public void Write(string text)
    {
        Out.Append(text);
        if (OutputIsTerminal)
        {
            Screen.Write(text);
        }
    }

    public void WriteError(string text)
    {
        Error.Append(text);
        if (ErrorIsTerminal)
        {
            Screen.Write(text);
        }
    }

    public void Resize(int width)
    {
        Width = width;
        Resized?.Invoke();
    }

    public void PressCtrlC() => Interrupted?.Invoke();

    private sealed class Leave(FakeTerminal terminal) : IDisposable
    {
        public void Dispose() => terminal.RawMode = false;
    }
}
