using System.Diagnostics;
using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>Saved scripts run unattended with <c>lprepl run</c>: every shipped one, failures, and the same frames three ways.</summary>
public partial class ScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    public static TheoryData<string, string> ShippedScripts() => new()
    {
        { "getting-started.lprepl", "agentMessage=You said: hi there" },
        { "getting-started-verbatim.lprepl", "\"type\":\"ms.PublishEventResponse\"" },
        { "get-messages.lprepl", "agentSays=You said: is anyone there?" },
        { "conversation-metadata.lprepl", "\"state\":\"CLOSE\"" },
        { "read-accept.lprepl", "\"status\":\"READ\"" },
        { "csat.lprepl", "\"csatRate\":5" },
        { "close-conversation.lprepl", "\"code\":400" },
        { "authentication.lprepl", "\"lp.ext\":{\"sub\":\"+1-555-0100\"" },
        { "anonymous.lprepl", "You said: hello from an anonymous visitor" },
        { "agent-profile.lprepl", "your agent is Emma" },
        { "client-properties.lprepl", "OK Conversation resolved successfully" },
        { "no-headers.lprepl", "Connection initialized successfully" },
        { "file-sharing.lprepl", "downloaded 70 bytes" },
        { "post-conversation-survey.lprepl", "question=How would you rate your experience with us? (1 = poor, 5 = excellent)" },
        { "survive-drops.lprepl", "You said: two" },
    };

    [Fact]
    public void Should_test_every_shipped_script()
    {
        var shipped = Directory.EnumerateFiles(Path.Combine(Repo.Root, "scripts"), "*.lprepl").Select(Path.GetFileName);

        shipped.Should().BeEquivalentTo(ShippedScripts().Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(ShippedScripts))]
    public async Task Should_run_a_shipped_script_green_against_the_emulator(string script, string keyLine)
    {
        using var home = new TempDir();
        // --strict: a frame of a shipped script that the protocol model finds fault with fails the run.
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", Path.Combine(Repo.Root, "scripts", script), "--agent-delay", "100", "--strict");
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        // A received frame or an echo on stdout; a capture or a decoded token on stderr.
        lprepl.Stdout.Lines.Concat(lprepl.Stderr.Lines).Should().Contain(l => l.Contains(keyLine, StringComparison.Ordinal), lprepl.Transcript());
        lprepl.Stderr.Lines.Should().NotContain(l => l.StartsWith("error") || l.StartsWith("warning"));
    }

    [Fact]
    public async Task Should_fail_a_wait_that_matches_nothing_within_its_timeout_naming_file_and_line()
    {
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "waits.lprepl");
        await File.WriteAllTextAsync(script, "signup\nconnect\nget-clock\n# nothing of this type ever comes\nwait ms.MessagingEventNotification timeout=2\necho never\n");
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script);
        lprepl.CloseInput();
        await lprepl.Stderr.WaitForAsync("connected to", Timeout);
        var watch = Stopwatch.StartNew();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "the wait gives up after its 2 s timeout");
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"{script}:5: wait ms.MessagingEventNotification: nothing matched within 2 s; the last frames received:"));
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains("< {\"kind\":\"resp\"") && l.Contains(".GetClock$Response"), "the last frames are shown");
        lprepl.Stdout.Lines.Should().NotContain("never");
    }

    [Fact]
    public async Task Should_fail_when_a_request_is_never_answered()
    {
        // The emulator closes the socket (1009) on a frame over 1 MiB instead of answering it.
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "unanswered.lprepl");
        var padding = new string('x', 1_100_000);
        await File.WriteAllTextAsync(script, $"signup\nconnect\n{{\"kind\":\"req\",\"id\":\"big-1\",\"type\":\".GetClock\",\"pad\":\"{padding}\"}}\n");
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1);
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"{script}:3: .GetClock id big-1 was sent before the connection dropped and not retried"));
    }

    [Fact]
    public async Task Should_give_the_same_frames_run_as_a_file_from_stdin_and_typed_in_the_repl()
    {
        var file = Path.Combine(Repo.Root, "scripts", "getting-started.lprepl");

        using var home1 = new TempDir();
        await using var run = ProcessDriver.StartLpRepl(home1, "run", file, "--agent-delay", "100");
        run.CloseInput();
        (await run.WaitForExitAsync(Timeout)).Should().Be(0, run.Transcript());
        var viaRun = Shape(run.Stdout.Lines);

        using var home2 = new TempDir();
        await using var piped = ProcessDriver.StartLpRepl(home2, "--agent-delay", "100");
        foreach (var line in await File.ReadAllLinesAsync(file))
        {
            await piped.TypeAsync(line);
        }
        piped.CloseInput();
        (await piped.WaitForExitAsync(Timeout)).Should().Be(0, piped.Transcript());
        var viaStdin = Shape(piped.Stdout.Lines);

        using var home3 = new TempDir();
        using var tmux = Tmux.StartLpRepl(home3, "--agent-delay", "100", "--format", "compact");
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine($"run {file}");
        await tmux.WaitForTextAsync("\"reqId\":\"4\"", Timeout);
        // The script keeps the session's socket: the prompt after it says connected.
        await tmux.WaitForScreenAsync(s => s.TrimEnd().EndsWith("lp*>", StringComparison.Ordinal), Timeout, "the prompt after the script");
        var typed = Shape(tmux.Screen().Split('\n').Where(l => l.StartsWith("< ", StringComparison.Ordinal)).Select(l => Regex.Replace(l[2..], @"\s+\(.*\)$", "")));

        viaRun.Should().NotBeEmpty();
        viaStdin.Should().Equal(viaRun);
        typed.Should().Equal(viaRun);
    }

    // Frames with their ids and times taken out: type, reqId, code, and each change's role and event type.
    private static List<string> Shape(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.StartsWith('{')).Select(l =>
        {
            var frame = JObject.Parse(l);
            var changes = frame["body"] is JObject body && body["changes"] is JArray array
                ? string.Join(",", array.Select(c => $"{c["originatorMetadata"]?["role"]}:{c["event"]?["type"]}"))
                : "";
            return Uuid().Replace($"{frame["type"]} {frame["reqId"]} {frame["code"]} [{changes}]", "UUID");
        })];
}
