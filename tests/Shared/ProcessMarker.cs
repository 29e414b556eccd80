using System.Diagnostics;

namespace LpRepl.Testing;

/// <summary>
/// Finds a test's own child processes by a marker no other process has: a <c>sleep</c> for an odd
/// number of seconds (<c>sleep 31.402731</c>), looked up with <c>pgrep -f</c>.
/// </summary>
public static class ProcessMarker
{
    /// <summary>A <c>sleep</c> argument of 25 to 40 seconds, unique to the caller.</summary>
    public static string NewSleep() => $"{Random.Shared.Next(25, 40)}.{Random.Shared.Next(100_000, 999_999)}";

    /// <summary>Whether a process whose whole command line is <c>sleep SECONDS</c> exists.</summary>
    public static bool IsSleeping(string seconds)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", $"^sleep {seconds.Replace(".", "\\.", StringComparison.Ordinal)}$"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return pgrep.ExitCode == 0;
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
}
