using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// <c>lprepl run scripts/getting-started.lprepl &gt; out.txt</c>: the file holds the received frames and nothing
/// else, so the real jq reads it; notices, captures and sent frames are on standard error.
/// </summary>
public sealed class PipedOutputProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private static async Task<(string Out, string Err)> RunToFiles(TempDir home, params string[] options)
    {
        var outFile = Path.Combine(home.Path, "out.txt");
        var errFile = Path.Combine(home.Path, "err.txt");
        var script = Path.Combine(Repo.Root, "scripts", "getting-started.lprepl");
        var line = $"dotnet '{Repo.LpReplDll}' run '{script}' --agent-delay 100 {string.Join(' ', options)} > '{outFile}' 2> '{errFile}' < /dev/null";
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", line], home.Environment(), home.Path);
        shell.CloseInput();
        (await shell.WaitForExitAsync(Timeout)).Should().Be(0, $"{shell.Transcript()}\n--- err.txt ---\n{(File.Exists(errFile) ? await File.ReadAllTextAsync(errFile) : "")}");
        return (outFile, await File.ReadAllTextAsync(errFile));
    }

    private static async Task<IReadOnlyList<string>> Jq(TempDir home, params string[] args)
    {
        await using var jq = ProcessDriver.Start(Repo.Tool("jq"), args, home.Environment(), home.Path);
        jq.CloseInput();
        (await jq.WaitForExitAsync(Timeout)).Should().Be(0, jq.Transcript());
        return jq.Stdout.Lines;
    }

    [Fact]
    public async Task Should_keep_the_order_of_stdout_and_stderr_in_one_file()
    {
        // Given both streams in one file (2>&1), stdout's frames gathered into fewer writes
        using var home = new TempDir();
        var all = Path.Combine(home.Path, "all.txt");
        var script = Path.Combine(Repo.Root, "scripts", "getting-started.lprepl");
        var line = $"dotnet '{Repo.LpReplDll}' run '{script}' --agent-delay 100 --format compact > '{all}' 2>&1 < /dev/null";
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", line], home.Environment(), home.Path);
        shell.CloseInput();
        (await shell.WaitForExitAsync(Timeout)).Should().Be(0, shell.Transcript());

        // Then each answer comes after its request, and a capture's notice after the frame it was taken from
        var lines = (await File.ReadAllLinesAsync(all)).ToList();
        var request = lines.FindIndex(l => l.StartsWith("> {\"kind\":\"req\",\"id\":3,", StringComparison.Ordinal));
        var answer = lines.FindIndex(l => l.StartsWith("{\"kind\":\"resp\",\"reqId\":\"3\"", StringComparison.Ordinal));
        request.Should().BeGreaterThan(-1, string.Join('\n', lines));
        answer.Should().BeGreaterThan(request);
        var frame = lines.FindIndex(l => l.Contains("\"message\":\"You said: hi there\"", StringComparison.Ordinal) && l.StartsWith('{'));
        var notice = lines.FindIndex(l => l.Contains("agentMessage=You said: hi there", StringComparison.Ordinal));
        frame.Should().BeGreaterThan(-1, string.Join('\n', lines));
        notice.Should().BeGreaterThan(frame);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("compact")]
    public async Task Should_write_one_json_frame_per_line_that_jq_reads_and_the_rest_to_stderr(string format)
    {
        using var home = new TempDir();

        var (outFile, err) = await RunToFiles(home, "--format", format);

        // Every line on its own a JSON document (-R reads lines as strings, fromjson fails on any that is not JSON).
        var lines = await File.ReadAllLinesAsync(outFile);
        var types = await Jq(home, "-R", "-r", "fromjson | .type", outFile);
        types.Should().HaveCount(lines.Length).And.Contain("cm.RequestConversationResponse").And.Contain("ms.PublishEventResponse").And.Contain("StringResponse");
        var said = await Jq(home, "-r", "select(.type == \"ms.MessagingEventNotification\") | .body.changes[] | select(.originatorMetadata.role == \"ASSIGNED_AGENT\") | .event.message // empty", outFile);
        said.Should().Contain("You said: hi there");
        err.Should().Contain("connected to wss://").And.Contain("agentMessage=You said: hi there").And.Contain("> {\"kind\":\"req\",\"id\":3,\"type\":\"ms.PublishEvent\"");
    }

    [Fact]
    public async Task Should_write_pretty_frames_as_indented_json_that_jq_reads_as_a_stream()
    {
        using var home = new TempDir();

        var (outFile, err) = await RunToFiles(home, "--format", "pretty");

        (await File.ReadAllTextAsync(outFile)).Should().StartWith("{\n  \"kind\": \"resp\",");
        var types = await Jq(home, "-r", ".type", outFile);
        types.Should().Contain("cm.RequestConversationResponse").And.Contain("ms.MessagingEventNotification").And.Contain("StringResponse");
        err.Should().Contain("agentMessage=You said: hi there");
    }
}
