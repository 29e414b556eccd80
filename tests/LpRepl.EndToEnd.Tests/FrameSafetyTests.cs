using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// Only valid JSON leaves, and no value changes a frame's shape: checked on what a server of the
/// test's own actually received from the real lprepl process.
/// </summary>
public sealed class FrameSafetyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Each is what a lenient parser accepts and RFC 8259 does not.
    private static readonly string[] NotJson =
    [
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",}",
        "{'kind':'req','id':'bad','type':'GetClock'}",
        "{kind:\"req\",id:\"bad\",type:\"GetClock\"}",
        "{\"kind\":\"req\",/* note */\"id\":\"bad\",\"type\":\"GetClock\"}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\"} // note",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":undefined}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":NaN}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":new Date(1)}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":\"a\u0000b\"}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":\"a\u001b[2Jb\"}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":[1,2,]}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"x\":Infinity}",
        "{\"kind\":\"req\",\"id\":\"bad\",\"type\":\"GetClock\",\"id\":\"twice\"}",
        "{\n  \"kind\": \"req\",\n  \"id\": \"bad\",\n  \"type\": \"GetClock\",\n}",
        "{\"kind\":\"req\",\"id\":\"{{ 'bad' }}\",\"type\":\"GetClock\",}",
    ];

    [Fact]
    public async Task Should_send_none_of_the_non_json_frames_and_every_valid_one()
    {
        // Given: a server that records what arrives, and one script per frame (a script stops at its first failure)
        await using var server = new HostileServer();
        using var home = new TempDir();
        using var gate = new SemaphoreSlim(3);

        // When
        var runs = NotJson.Select(async (frame, n) =>
        {
            var script = Path.Combine(home.Path, $"case{n}.lprepl");
            var url = $"ws://127.0.0.1:{server.Port}/case/{n}";
            await File.WriteAllTextAsync(script, $"LP_JWT=e2e.test.token\nconnect {url}\n{{\"kind\":\"req\",\"id\":\"ok-{n}\",\"type\":\"GetClock\"}}\n{frame}\necho not reached\n");
            await gate.WaitAsync();
            try
            {
                await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script, "--insecure");
                lprepl.CloseInput();
                var code = await lprepl.WaitForExitAsync(Timeout);
                return (n, code, lprepl.Stderr.ToString(), lprepl.Transcript());
            }
            finally
            {
                gate.Release();
            }
        });
        var results = await Task.WhenAll(runs);

        // Then: each run failed at its bad line with where, after sending only the valid frame
        foreach (var (n, code, stderr, transcript) in results)
        {
            code.Should().NotBe(0, $"case {n} ({NotJson[n]}) must fail:\n{transcript}");
            stderr.Should().MatchRegex(@"case\d+\.lprepl:4: invalid JSON at line \d+, column \d+: ", transcript);
            stderr.Should().Contain("Nothing was sent", transcript);
            // Less the GetClock the connect sends itself to see the token taken.
            var received = server.Received.Items.Where(f => f.Path == $"/case/{n}" && !f.Text.Contains("lprepl-connect", StringComparison.Ordinal)).Select(f => f.Text).ToList();
            received.Should().Equal([$"{{\"kind\":\"req\",\"id\":\"ok-{n}\",\"type\":\"GetClock\"}}"], $"case {n} ({NotJson[n]}):\n{transcript}");
        }
    }

    [Fact]
    public async Task Should_send_a_hostile_conversation_id_inside_a_string_as_that_string_and_nothing_more()
    {
        // Given: a server whose conversation id tries to close the string and add a key
        const string hostile = "x\",\"injected\":true,\"z\":\"";
        await using var server = new HostileServer();
        server.Reply("cm.ConsumerRequestConversation", request => [HostileServer.Response(request, 200, new JObject { ["conversationId"] = hostile }, "cm.RequestConversationResponse")]);
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "hostile.lprepl");
        await File.WriteAllTextAsync(script, string.Join('\n',
            "LP_JWT=e2e.test.token",
            $"connect {server.Url}",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\",\"body\":{\"brandId\":\"test\"}}",
            "{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi\"}}}",
            ""));

        // When
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script, "--insecure");
        lprepl.CloseInput();
        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());

        // Then: the publish arrived with exactly the shape typed, the id as its value
        var publish = JObject.Parse((await server.Received.WaitForAsync(f => f.Text.Contains("ms.PublishEvent", StringComparison.Ordinal), Timeout, "the publish")).Text);
        publish.Properties().Select(p => p.Name).Should().Equal("kind", "id", "type", "body");
        ((JObject)publish["body"]!).Properties().Select(p => p.Name).Should().Equal("dialogId", "event");
        ((string?)publish["body"]!["dialogId"]).Should().Be(hostile);
        publish.ToString().Should().NotContain("\"injected\":");
    }

    [Fact]
    public async Task Should_send_a_60000_line_script_frame_well_within_its_limit()
    {
        // Given: one pretty-printed frame of 60,000 lines in a script
        await using var server = new HostileServer();
        using var home = new TempDir();
        var script = Path.Combine(home.Path, "big.lprepl");
        var items = string.Join(",\n", Enumerable.Range(0, 59_996).Select(i => $"  {i}"));
        await File.WriteAllTextAsync(script, $"LP_JWT=e2e.test.token\nconnect {server.Url}\n{{\"kind\":\"req\",\"id\":\"big\",\"type\":\"GetClock\",\"items\":[\n{items}\n],\n\"end\":true\n}}\necho done\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // When
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script, "--insecure");
        lprepl.CloseInput();
        var code = await lprepl.WaitForExitAsync(TimeSpan.FromSeconds(90));

        // Then: the whole frame arrived as one, and the run ended well under 30 s
        code.Should().Be(0, lprepl.Transcript()[..Math.Min(2000, lprepl.Transcript().Length)]);
        var frame = JObject.Parse(server.Received.Items.Single(f => f.Text.Contains("\"big\"", StringComparison.Ordinal)).Text);
        ((JArray)frame["items"]!).Count.Should().Be(59_996);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }
}
