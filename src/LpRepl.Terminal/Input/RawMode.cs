using System.Diagnostics;

namespace LpRepl.Terminal.Input;

/// <summary>
/// Puts a Unix terminal into key-by-key mode with <c>stty</c> (no echo, no line buffering, no
/// signal keys: Ctrl-C and Ctrl-Z arrive as keys) and restores the saved settings afterwards.
/// Output processing stays on, so "\n" still starts a new line.
/// </summary>
internal sealed class RawMode : IDisposable
{
    private readonly string _saved;
    private int _restored;

    private RawMode(string saved)
    {
        _saved = saved;
        // A crash or an unhandled exit must not leave the user's shell without echo.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public static RawMode? TryEnter()
    {
        var saved = Stty("-g");
        if (saved is null || Stty("-icanon -echo -isig -ixon -iexten min 1 time 0") is null)
        {
            return null;
        }
        return new RawMode(saved.Trim());
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Stty(_saved);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    // stty works on its standard input, which it inherits: the terminal itself.
    private static string? Stty(string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("stty", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
