using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;
using LpRepl.Testing;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The real process against endless input: <c>/dev/zero</c> as a script, as standard input, as
/// <c>--env-file</c> and to <c>load</c> ends quickly with a clear error and little memory, and a
/// <c>$(…)</c> whose background child holds the pipe returns, or stops on SIGINT, leaving nothing behind.
/// </summary>
public partial class BoundedInputProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    // Far below the 8 GB an unbounded read reached; the runtime and the embedded emulator take the most of it.
    private const long MaxRssKiB = 600 * 1024;

    [GeneratedRegex(@"^maxrss=(\d+)$")]
    private static partial Regex MaxRss();

    // GNU time reports the peak memory of the whole run (maxrss=KiB on the last stderr line).
    private static ProcessDriver StartMeasured(TempDir home, string shellLine) =>
        ProcessDriver.Start("/bin/sh", ["-c", $"exec /usr/bin/time -f maxrss=%M dotnet \"{Repo.LpReplDll}\" {shellLine}"], home.Environment(), home.Path);

    private static long PeakKiB(ProcessDriver lprepl) =>
        long.Parse(lprepl.Stderr.Lines.Select(l => MaxRss().Match(l)).Last(m => m.Success).Groups[1].Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("run /dev/zero < /dev/null", "/dev/zero:1: line longer than 4 MiB", 1)]
    [InlineData("run - < /dev/zero", "stdin:1: line longer than 4 MiB", 1)]
    [InlineData("< /dev/zero", "stdin:1: line longer than 4 MiB", 1)]
    [InlineData("run - --env-file /dev/zero < /dev/null", "--env-file: /dev/zero:1: line longer than 1 MiB", 2)]
    [InlineData("replay /dev/zero < /dev/null", "lprepl replay: /dev/zero:1: line longer than 4 MiB", 2)]
    public async Task Should_end_endless_input_with_a_clear_error_and_bounded_memory(string arguments, string error, int exitCode)
    {
        using var home = new TempDir();
        await using var lprepl = StartMeasured(home, arguments);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(exitCode, lprepl.Transcript());

        lprepl.Stderr.Lines.Should().Contain(l => l.Contains(error, StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stderr.Lines.Should().NotContain(l => l.Contains("unexpected", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal));
        PeakKiB(lprepl).Should().BeLessThan(MaxRssKiB);
    }

    [Fact]
    public async Task Should_end_a_load_of_dev_zero_in_a_script_with_its_file_and_line()
    {
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "load.lprepl");
        await File.WriteAllTextAsync(script, "# endless\nload /dev/zero\necho never\n");
        await using var lprepl = StartMeasured(home, $"run \"{script}\" < /dev/null");

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1, lprepl.Transcript());

        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"{script}:2: /dev/zero:1: line longer than 1 MiB", StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stdout.Lines.Should().NotContain("never");
        PeakKiB(lprepl).Should().BeLessThan(MaxRssKiB);
    }

    [Fact]
    public async Task Should_return_from_a_substitution_whose_background_child_holds_the_pipe()
    {
        using var home = new TempDir();
        var marker = ProcessMarker.NewSleep();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", "-");
        await lprepl.TypeAsync($"x=$(sleep {marker} & echo hi)");
        await lprepl.TypeAsync("echo got $x");
        lprepl.CloseInput();

        await lprepl.Stdout.WaitForAsync("got hi", TimeSpan.FromSeconds(20));
        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        (await ProcessMarker.WaitUntilGoneAsync(marker, TimeSpan.FromSeconds(5))).Should().BeTrue("nothing the substitution started outlives it");
    }

    [Fact]
    public async Task Should_stop_a_substitution_and_everything_it_started_on_sigint()
    {
        using var home = new TempDir();
        var marker = ProcessMarker.NewSleep();
        var orphan = ProcessMarker.NewSleep();
        var script = Path.Combine(home.Path, $"sigint-{Guid.NewGuid():N}.lprepl");
        await File.WriteAllTextAsync(script, $"x=$( (sleep {orphan} &); sleep {marker} )\necho never\n");
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script);
        lprepl.CloseInput();
        (await ProcessMarker.WaitUntilSleepingAsync(marker, Timeout)).Should().BeTrue(lprepl.Transcript());
        (await ProcessMarker.WaitUntilSleepingAsync(orphan, Timeout)).Should().BeTrue();
        var watch = Stopwatch.StartNew();

        Signal("INT", script);

        (await lprepl.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().NotBe(0, lprepl.Transcript());
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "SIGINT stops the substitution, not the sleep's end");
        lprepl.Stdout.Lines.Should().NotContain("never");
        (await ProcessMarker.WaitUntilGoneAsync(marker, TimeSpan.FromSeconds(5))).Should().BeTrue();
        (await ProcessMarker.WaitUntilGoneAsync(orphan, TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    // The lprepl process is the one whose command line holds the script's unique path; it is signalled by its id.
    private static void Signal(string signal, string script)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", $"lprepl.dll run {script}"]) { RedirectStandardOutput = true })!;
        var pids = pgrep.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        pgrep.WaitForExit();
        pids.Should().ContainSingle("the lprepl process was found");
        using var kill = Process.Start("kill", ["-" + signal, pids[0]]);
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0);
    }
}
