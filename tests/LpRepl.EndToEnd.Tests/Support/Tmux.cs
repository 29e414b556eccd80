using System.Diagnostics;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>
/// A real terminal: lprepl runs in a detached tmux session on its own server socket; the test
/// types with send-keys and reads the screen with capture-pane, as a person would.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly string _socket = "lprepl-test-" + Guid.NewGuid().ToString("N")[..12];

    private Tmux()
    {
    }

    public static Tmux StartLpRepl(TempDir home, params string[] args) => StartLpReplSized(160, 50, home, args);

    /// <summary>lprepl in a window of <paramref name="columns"/> × <paramref name="rows"/> from its first byte (its banner is laid out for it).</summary>
    public static Tmux StartLpReplSized(int columns, int rows, TempDir home, params string[] args) => StartLpReplWith(columns, rows, home, new Dictionary<string, string>(), args);

    /// <summary>lprepl with variables added to the home's environment (a proxy, say).</summary>
    public static Tmux StartLpReplWith(int columns, int rows, TempDir home, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var tmux = new Tmux();
        var command = new List<string> { "new-session", "-d", "-s", "main", "-x", $"{columns}", "-y", $"{rows}", "-c", home.Path };
        var environment = home.Environment();
        foreach (var (name, value) in env)
        {
            environment[name] = value;
        }
        foreach (var (name, value) in environment)
        {
            command.AddRange(["-e", $"{name}={value}"]);
        }
        command.Add(string.Join(' ', new[] { "dotnet", Repo.LpReplDll }.Concat(args).Select(Quote)));
        tmux.Run(command);
        tmux.Run(["set-option", "-t", "main", "remain-on-exit", "on"]);
        return tmux;
    }

    /// <summary>
    /// lprepl started from a shell in the pane, which after lprepl exits prints "[lprepl exited N]" and
    /// runs <c>cat -v</c> at the same terminal: the keys it then gets show the modes lprepl left behind.
    /// </summary>
    public static Tmux StartLpReplThenCat(TempDir home, params string[] args) =>
        StartLpReplInShell(home, "", "; echo \"[lprepl exited $?]\"; exec cat -v", args);

    /// <summary>lprepl run by <c>sh -c</c> as <c>lprepl ARGS REDIRECT THEN</c>, e.g. with stdout sent to a file.</summary>
    public static Tmux StartLpReplInShell(TempDir home, string redirect, string then, params string[] args)
    {
        var tmux = new Tmux();
        var command = new List<string> { "new-session", "-d", "-s", "main", "-x", "160", "-y", "50", "-c", home.Path };
        foreach (var (name, value) in home.Environment())
        {
            command.AddRange(["-e", $"{name}={value}"]);
        }
        var lprepl = string.Join(' ', new[] { "dotnet", Repo.LpReplDll }.Concat(args).Select(Quote));
        command.AddRange(["sh", "-c", lprepl + " " + redirect + then]);
        tmux.Run(command);
        tmux.Run(["set-option", "-t", "main", "remain-on-exit", "on"]);
        return tmux;
    }

    /// <summary>The process id of the pane's program's child (lprepl under <see cref="StartLpReplThenCat"/>), or null when none is running.</summary>
    public int? ChildOfPaneProgram()
    {
        var shell = Run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).Trim();
        var children = File.ReadAllText($"/proc/{shell}/task/{shell}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Length == 0 ? null : int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Any program at a terminal (a peer such as wscat), with <paramref name="environment"/> as its whole environment.</summary>
    public static Tmux Start(TempDir home, IReadOnlyDictionary<string, string> environment, string program, params string[] args)
    {
        var tmux = new Tmux();
        var command = new List<string> { "new-session", "-d", "-s", "main", "-x", "160", "-y", "50", "-c", home.Path };
        foreach (var (name, value) in environment)
        {
            command.AddRange(["-e", $"{name}={value}"]);
        }
        command.Add(string.Join(' ', new[] { program }.Concat(args).Select(Quote)));
        tmux.Run(command);
        tmux.Run(["set-option", "-t", "main", "remain-on-exit", "on"]);
        return tmux;
    }

    /// <summary>Types <paramref name="text"/> literally (no key names), then Enter.</summary>
    public void TypeLine(string text)
    {
        Type(text);
        Keys("Enter");
    }

    public void Type(string text) => Run(["send-keys", "-t", "main", "-l", text]);

    /// <summary>Pastes <paramref name="text"/> as a terminal does: bracketed (ESC[200~ … ESC[201~) when the program asked for it.</summary>
    public void Paste(string text)
    {
        Run(["set-buffer", "-b", "test-paste", "--", text]);
        Run(["paste-buffer", "-p", "-d", "-b", "test-paste", "-t", "main"]);
    }

    public void Keys(params string[] keys) => Run(["send-keys", "-t", "main", .. keys]);

    /// <summary>The screen and its scrollback, wrapped lines joined.</summary>
    public string Screen() => Run(["capture-pane", "-p", "-J", "-t", "main", "-S", "-3000"]);

    /// <summary>Polls the screen until <paramref name="ready"/> holds, or fails with what the screen showed.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> ready, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var screen = Screen();
            if (ready(screen))
            {
                return screen;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"screen never showed {what} within {timeout.TotalSeconds:0} s:\n{screen}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The embedded emulator is up: its banner (which ends "try: signup …") is on the screen above the prompt. The
    /// prompt itself comes before, while the emulator starts; a test that reads or clears the screen waits for this.
    /// </summary>
    public Task<string> WaitForReadyAsync(TimeSpan timeout) =>
        WaitForScreenAsync(s => s.Contains("try: signup", StringComparison.Ordinal) && s.Split('\n').Any(l => l.StartsWith("lp>", StringComparison.Ordinal)), timeout, "the banner and the prompt");

    public Task<string> WaitForTextAsync(string text, TimeSpan timeout) =>
        WaitForScreenAsync(s => s.Contains(text, StringComparison.Ordinal), timeout, $"'{text}'");

    /// <summary>The cursor's column and row on the visible screen.</summary>
    public (int Column, int Row) Cursor()
    {
        var parts = Run(["display-message", "-p", "-t", "main", "#{cursor_x} #{cursor_y}"]).Trim().Split(' ');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The visible screen only, without scrollback, trailing blank lines dropped.</summary>
    public IReadOnlyList<string> VisibleLines() =>
        Run(["capture-pane", "-p", "-t", "main"]).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>How many lines the pane's scrollback holds (rows scrolled or cleared off the top).</summary>
    public int HistorySize() => int.Parse(Run(["display-message", "-p", "-t", "main", "#{history_size}"]).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Resizes the window (and so the pane) to <paramref name="columns"/> × <paramref name="rows"/>.</summary>
    public void Resize(int columns, int rows) =>
        Run(["resize-window", "-t", "main", "-x", columns.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", rows.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>The visible screen as the terminal shows it: rows not joined, trailing spaces kept off.</summary>
    public IReadOnlyList<string> Rows(int fromHistory = 0) =>
        Run(["capture-pane", "-p", "-t", "main", "-S", (-fromHistory).ToString(System.Globalization.CultureInfo.InvariantCulture)]).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>The pane's title, as a program sets it with OSC 0 or 2.</summary>
    public string PaneTitle() => Run(["display-message", "-p", "-t", "main", "#{pane_title}"]).TrimEnd('\n');

    /// <summary>True once the program in the pane has exited.</summary>
    public bool PaneDead() => Run(["display-message", "-p", "-t", "main", "#{pane_dead}"]).Trim() == "1";

    public void Dispose()
    {
        try
        {
            Run(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Run(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Repo.Tool("tmux"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
