using System.Diagnostics;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.IO;

/// <summary>
/// Files a user names (<c>load</c>, <c>run</c>, <c>read_file</c>) are read streaming and capped, so
/// <c>/dev/zero</c> or a huge file ends in a clear error instead of taking all memory; Ctrl-C stops a read.
/// </summary>
public sealed class InputBoundsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-bounds-").FullName;
    private readonly CollectingOutput _output = new();
    private readonly ReplSession _session;

    public InputBoundsTests() => _session = OfflineSession.Create(_output);

    public void Dispose()
    {
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    // Off the test's thread: a read that does not stop must fail the test, not hang it.
    private Task<LineResult> Execute(string line, CancellationToken ct = default) =>
        Task.Run(() => _session.ExecuteAsync(line, ct), CancellationToken.None).WaitAsync(Limit, CancellationToken.None);

    private string WriteFile(string name, string head, long filler, char fill = 'x')
    {
        var path = Path.Combine(_dir, name);
        using var file = File.Create(path);
        var bytes = System.Text.Encoding.UTF8.GetBytes(head);
        file.Write(bytes);
        var block = Enumerable.Repeat((byte)fill, 64 * 1024).ToArray();
        for (long written = 0; written < filler; written += block.Length)
        {
            file.Write(block, 0, (int)Math.Min(block.Length, filler - written));
        }
        return path;
    }

    [Fact]
    public async Task Should_refuse_an_env_file_line_longer_than_1_MiB_naming_file_and_line()
    {
        var file = WriteFile("long.env", "A=1\nB=", 2 * 1024 * 1024);

        var result = await Execute($"load {file}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be($"{file}:2: line longer than 1 MiB (an lp.env line holds one NAME=value)");
        _session.Variables.TryGetValueOrNull("A").Should().BeNull("a file that fails to load sets nothing");
    }

    [Fact]
    public async Task Should_end_load_of_dev_zero_with_a_clear_error()
    {
        var result = await Execute("load /dev/zero");

        result.Error.Should().StartWith("/dev/zero:1: line longer than 1 MiB");
    }

    [Fact]
    public async Task Should_refuse_an_env_file_larger_than_16_MiB()
    {
        var path = Path.Combine(_dir, "many.env");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("A=1234567890123456789012345678901\n", 17 * 1024 * 1024 / 34)));

        var result = await Execute($"load {path}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be($"{path}: larger than 16 MiB; an lp.env holds NAME=value lines");
    }

    [Fact]
    public async Task Should_keep_one_variable_for_a_name_repeated_a_million_times()
    {
        var path = Path.Combine(_dir, "repeated.env");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $"A={i % 10}\n")) + "B=last\n");

        var result = await Execute($"load {path}");

        result.Outcome.Should().Be(LineOutcome.Ok, result.Error);
        _session.Variables["A"].Should().Be("9", "the last value of a name wins, as when set in order");
        _output.Entries.Should().Contain(e => e.Text == $"loaded 2 variables from {path}");
    }

    [Fact]
    public async Task Should_refuse_an_env_file_of_more_than_10000_variables()
    {
        var path = Path.Combine(_dir, "wide.env");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Range(0, 10_001).Select(i => $"V{i}=1\n")));

        var result = await Execute($"load {path}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be($"{path}:10001: more than 10,000 variables; an lp.env holds a session's few NAME=value lines");
        _session.Variables.TryGetValueOrNull("V0").Should().BeNull("a file that fails to load sets nothing");
    }

    [Fact]
    public async Task Should_stop_a_load_from_a_silent_pipe_on_ctrl_c()
    {
        var fifo = Path.Combine(_dir, "silent.fifo");
        Process.Start("mkfifo", [fifo]).WaitForExit();
        using var cts = new CancellationTokenSource();
        // Opening the write end completes once load has opened the read end: from then on load waits for data that never comes.
        var writer = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write));
        var load = Execute($"load {fifo}", cts.Token);
        await using var held = await writer.WaitAsync(Limit);

        load.IsCompleted.Should().BeFalse();
        await cts.CancelAsync();

        var stopped = async () => await load;
        await stopped.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Should_stop_a_run_of_a_pipe_no_one_writes_to_on_ctrl_c()
    {
        var fifo = Path.Combine(_dir, "unopened.fifo");
        Process.Start("mkfifo", [fifo]).WaitForExit();
        using var cts = new CancellationTokenSource();
        var run = Execute($"run {fifo}", cts.Token);

        // With no writer the FIFO never opens: the run cannot end by itself.
        run.IsCompleted.Should().BeFalse();
        await cts.CancelAsync();

        var stopped = async () => await run;
        await stopped.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Should_stop_a_script_at_a_line_longer_than_4_MiB_naming_file_and_line()
    {
        var file = WriteFile("long.lprepl", "BEFORE=ran\necho ", 5 * 1024 * 1024);

        var result = await Execute($"run {file}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be($"{file}:2: line longer than 4 MiB");
        _session.Variables["BEFORE"].Should().Be("ran");
        _output.Entries.Should().NotContain(e => e.Kind == "data", "the long line never ran");
    }

    [Fact]
    public async Task Should_end_run_of_dev_zero_with_a_clear_error()
    {
        var result = await Execute("run /dev/zero");

        result.Error.Should().Be("/dev/zero:1: line longer than 4 MiB");
    }

    [Fact]
    public async Task Should_refuse_read_file_of_a_file_larger_than_25_MiB()
    {
        var file = WriteFile("card.json", "{\"type\":\"vertical\",\"pad\":\"", 26 * 1024 * 1024);
        await _session.ExecuteAsync("conversationId=c-1", CancellationToken.None);

        var result = await Execute($"render publish-rich file={file}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Contain($"read_file {file}: larger than 25 MiB");
    }

    [Fact]
    public async Task Should_end_read_file_of_dev_zero_with_a_clear_error()
    {
        await _session.ExecuteAsync("conversationId=c-1", CancellationToken.None);

        var result = await Execute("render publish-rich file=/dev/zero");

        result.Error.Should().Contain("read_file /dev/zero: larger than 25 MiB");
    }
}
