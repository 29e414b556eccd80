using System.Runtime.InteropServices;

namespace LpRepl.Terminal.Input;

/// <summary>
/// Puts a Unix terminal into key-by-key mode (no echo, no line buffering, no signal keys: Ctrl-C
/// and Ctrl-Z arrive as keys) with tcsetattr, and restores the saved settings afterwards. Output
/// processing stays on, so "\n" still starts a new line. Done in-process on purpose: .NET
/// re-applies its own terminal settings whenever a child process that shares the terminal exits,
/// which would undo a mode set by running <c>stty</c>.
/// </summary>
internal sealed partial class RawMode : IDisposable
{
    private const int StdIn = 0;
    private const int TcsaNow = 0;
    private readonly byte[] _saved;
    private int _restored;

    private RawMode(byte[] saved)
    {
        _saved = saved;
        // A crash or an unhandled exit must not leave the user's shell without echo.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public static RawMode? TryEnter()
    {
        var layout = TermiosLayout.ForCurrentPlatform();
        if (layout is null)
        {
            return null;
        }
        try
        {
            var saved = new byte[256];
            if (TcGetAttr(StdIn, saved) != 0)
            {
                return null;
            }
            var raw = (byte[])saved.Clone();
            layout.MakeRaw(raw);
            return TcSetAttr(StdIn, TcsaNow, raw) == 0 ? new RawMode(saved) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            _ = TcSetAttr(StdIn, TcsaNow, _saved);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static partial int TcSetAttr(int fd, int optionalActions, byte[] termios);
}
