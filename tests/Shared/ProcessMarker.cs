using System.Diagnostics;

namespace LpRepl.Testing;

/// <summary>
/// Finds a test's own child processes by a marker no other process has: a <c>sleep</c> for an odd
/// number of seconds (<c>sleep 31.402731</c>), looked up in <c>/proc</c> (or in <c>ps</c> where there is none).
/// </summary>
public static class ProcessMarker
{
    /// <summary>A <c>sleep</c> argument of 25 to 40 seconds, unique to the caller.</summary>
    public static string NewSleep() => $"{Random.Shared.Next(25, 40)}.{Random.Shared.Next(100_000, 999_999)}";

    /// <summary>Whether a process whose whole command line is <c>sleep SECONDS</c> exists.</summary>
    public static bool IsSleeping(string seconds) => Find(commandLine => commandLine == $"sleep {seconds}").Count > 0;

    /// <summary>The ids of the processes whose command line (arguments joined by spaces) matches.</summary>
    public static IReadOnlyList<int> Find(Func<string, bool> match)
    {
        if (!Directory.Exists("/proc/self"))
        {
            return FindWithPs(match);
        }
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // A zombie's command line is empty: a killed process that is not yet reaped does not count.
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Replace('\0', ' ');
                if (commandLine.Length > 0 && match(commandLine))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked, or not ours to read.
            }
        }
        return found;
    }

    /// <summary>Sends a signal (INT, TERM, …) to one process by its id.</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("/bin/sh", ["-c", $"kill -{signal} \"$0\"", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed");
        }
    }

    /// <summary>Waits until the sleep exists (true) or gives up at the timeout (false).</summary>
    public static Task<bool> WaitUntilSleepingAsync(string seconds, TimeSpan timeout) => PollAsync(() => IsSleeping(seconds), timeout);

    /// <summary>Waits until no such sleep exists (true) or gives up at the timeout (false).</summary>
    public static Task<bool> WaitUntilGoneAsync(string seconds, TimeSpan timeout) => PollAsync(() => !IsSleeping(seconds), timeout);

    // A process dies a moment after SIGKILL: the state is awaited, never assumed after a fixed sleep.
    private static async Task<bool> PollAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }

    private static List<int> FindWithPs(Func<string, bool> match)
    {
        using var ps = Process.Start(new ProcessStartInfo("ps", ["-axo", "pid=,command="]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var lines = ps.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ps.WaitForExit();
        return [.. lines.Select(l => l.Trim().Split(' ', 2)).Where(p => p.Length == 2 && match(p[1].Trim())).Select(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture))];
    }
}
