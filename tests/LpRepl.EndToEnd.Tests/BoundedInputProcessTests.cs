using System.Diagnostics;
using LpRepl.EndToEnd.Tests.Support;
using LpRepl.Testing;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The real process against endless input: <c>/dev/zero</c> as a script, as standard input, as
/// <c>--env-file</c> and to <c>load</c> ends quickly with a clear error and little memory, and a
/// <c>$(…)</c> whose background child holds the pipe returns, or stops on SIGINT, leaving nothing behind.
/// </summary>
public sealed class BoundedInputProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    // Memory is bounded by running under a managed-heap cap far below the 8 GB an unbounded read
    // reached: past it the runtime throws OutOfMemoryException, which no assertion below accepts.
    private const string HeapCap = "0x10000000";

    private static ProcessDriver StartCapped(TempDir home, string shellLine)
    {
        var env = home.Environment();
        env["DOTNET_GCHeapHardLimit"] = HeapCap;
        return ProcessDriver.Start("/bin/sh", ["-c", $"exec dotnet \"{Repo.LpReplDll}\" {shellLine}"], env, home.Path);
    }

    [Theory]
    [InlineData("run /dev/zero < /dev/null", "/dev/zero:1: line longer than 4 MiB", 1)]
    [InlineData("run - < /dev/zero", "stdin:1: line longer than 4 MiB", 1)]
    [InlineData("< /dev/zero", "stdin:1: line longer than 4 MiB", 1)]
    [InlineData("run - --env-file /dev/zero < /dev/null", "--env-file: /dev/zero:1: line longer than 1 MiB", 2)]
    [InlineData("replay /dev/zero < /dev/null", "lprepl replay: /dev/zero:1: line longer than 4 MiB", 2)]
    public async Task Should_end_endless_input_with_a_clear_error_and_bounded_memory(string arguments, string error, int exitCode)
    {
        using var home = new TempDir();
        await using var lprepl = StartCapped(home, arguments);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(exitCode, lprepl.Transcript());

        lprepl.Stderr.Lines.Should().Contain(l => l.Contains(error, StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stderr.Lines.Should().NotContain(l => l.Contains("OutOfMemory", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_end_a_load_of_dev_zero_in_a_script_with_its_file_and_line()
    {
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "load.lprepl");
        await File.WriteAllTextAsync(script, "# endless\nload /dev/zero\necho never\n");
        await using var lprepl = StartCapped(home, $"run \"{script}\" < /dev/null");

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1, lprepl.Transcript());

        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"{script}:2: /dev/zero:1: line longer than 1 MiB", StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stdout.Lines.Should().NotContain("never");
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
        var pids = ProcessMarker.Find(commandLine => commandLine.EndsWith($"lprepl.dll run {script}", StringComparison.Ordinal));
        pids.Should().ContainSingle("the lprepl process was found");
        ProcessMarker.Signal(pids[0], signal);
    }
}
