using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary><c>lprepl run --pipeline</c>: a burst of publishes streams to the embedded emulator and every answer is its request's.</summary>
public sealed class PipelineScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<string> BurstScriptAsync(TempDir home, int count)
    {
        var lines = new List<string> { "signup", "connect", "request-conversation" };
        lines.AddRange(Enumerable.Range(1, count).Select(i =>
            $"{{\"kind\":\"req\",\"id\":{i},\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogId\":\"{{{{conversationId}}}}\",\"event\":{{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"m {i}\"}}}}}}"));
        lines.Add("sync");
        lines.Add("echo all answered");
        var script = Path.Combine(home.Path, "burst.lprepl");
        await File.WriteAllTextAsync(script, string.Join('\n', lines) + "\n");
        return script;
    }

    [Fact]
    public async Task Should_stream_a_burst_and_print_every_answer_once()
    {
        using var home = new TempDir();
        var script = await BurstScriptAsync(home, 500);
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", "--pipeline", "--requests-per-second", "0", "--format", "compact", script);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());

        var answered = lprepl.Stdout.Lines.Where(l => l.Contains("\"type\":\"ms.PublishEventResponse\""))
            .Select(l => JObject.Parse(l)).ToList();
        answered.Should().OnlyContain(a => (int)a["code"]! == 200);
        answered.Select(a => (string)a["reqId"]!).Should().BeEquivalentTo(Enumerable.Range(1, 500).Select(i => i.ToString()));
        lprepl.Stdout.Lines.Should().Contain("all answered");
    }

    [Fact]
    public async Task Should_fail_at_the_line_the_emulators_rate_limit_refused()
    {
        // The emulator's default limit (100 at once on one connection) refuses a longer burst with 429, as LivePerson does.
        using var home = new TempDir();
        var script = await BurstScriptAsync(home, 300);
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", "--pipeline", script);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1, lprepl.Transcript());

        lprepl.Stderr.Lines.Should().ContainSingle(l => l.Contains("burst.lprepl:")).Which.Should()
            .MatchRegex(@"burst\.lprepl:\d+: the server refused ms\.PublishEvent id \d+ with code 429 \(Too many requests");
        lprepl.Stdout.Lines.Should().NotContain("all answered");
    }
}
