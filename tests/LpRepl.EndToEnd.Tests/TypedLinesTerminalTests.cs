using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// lprepl typed at a terminal with stdout and stderr both sent to files: no line editor, lines read as the terminal
/// gives them, on one reader thread that must still let Ctrl-C stop a line and Ctrl-D end the session.
/// </summary>
public class TypedLinesTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_read_line_after_line_stop_a_line_at_ctrl_c_and_end_at_ctrl_d()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplInShell(home, "> out.txt 2> err.txt", "");
        var output = Path.Combine(home.Path, "out.txt");
        var errors = Path.Combine(home.Path, "err.txt");

        tmux.TypeLine("echo one");
        await UntilAsync(output, "one\n");
        tmux.TypeLine("echo two");
        await UntilAsync(output, "one\ntwo\n");

        // Ctrl-C stops the running line, and the next typed line still runs. The sleep is typed with the echo
        // before it, so once the echo has printed the sleep is the line read next.
        tmux.TypeLine("echo go");
        tmux.TypeLine("sleep 60");
        await UntilAsync(output, "two\ngo\n");
        tmux.Keys("C-c");
        await UntilAsync(errors, "interrupted");
        tmux.TypeLine("echo three");
        await UntilAsync(output, "one\ntwo\ngo\nthree\n");

        tmux.Keys("C-d");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving at Ctrl-D");
    }

    // The file as it grows: done once it holds the text.
    private static async Task UntilAsync(string path, string text)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var seen = "";
        while (!deadline.IsCancellationRequested)
        {
            seen = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
            if (seen.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(50);
        }
        seen.Should().Contain(text, $"{Path.GetFileName(path)} should hold it by now");
    }
}
