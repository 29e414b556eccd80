using System.Text;

namespace LpRepl.Terminal;

/// <summary>The real console. The only type in the terminal layer that calls <c>System.Console</c>.</summary>
public sealed class SystemTerminal : ITerminal, IDisposable
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public SystemTerminal()
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        Console.InputEncoding = new UTF8Encoding(false);
        _out = Console.Out;
        _error = Console.Error;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public event Action? Interrupted;

    public bool InputIsTerminal => !Console.IsInputRedirected;

    public bool OutputIsTerminal => !Console.IsOutputRedirected;

    // Console.ReadLine blocks; it runs off the caller's thread so frames keep printing meanwhile.
    public Task<string?> ReadLineAsync(CancellationToken ct) =>
        Task.Factory.StartNew(Console.ReadLine, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(ct);

    public void Write(string text)
    {
        _out.Write(text);
        _out.Flush();
    }

    public void WriteError(string text)
    {
        _error.Write(text);
        _error.Flush();
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interrupted is null)
        {
            return;
        }
        e.Cancel = true;
        Interrupted.Invoke();
    }
}
