using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The real lprepl process, fed the tutorial's steps on stdin, judged by what it prints.</summary>
public class ProcessTutorialTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_run_the_getting_started_tutorial_offline()
    {
        // Given lprepl with no account: the embedded emulator
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--agent-delay", "100");
        await lprepl.Stderr.WaitForAsync("embedded LivePerson emulator", Timeout);

        // When the tutorial's steps are typed
        await lprepl.TypeAsync("signup");
        await lprepl.TypeAsync("connect");
        await lprepl.TypeAsync(Frames.RequestConversation);

        // Then: stdout carries the frames exactly as received
        var response = JObject.Parse(await lprepl.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout));
        response["reqId"]!.ToString().Should().Be("1");
        var conversationId = response["body"]!["conversationId"]!.ToString();
        Guid.TryParse(conversationId, out _).Should().BeTrue(lprepl.Transcript());

        await lprepl.TypeAsync(Frames.Subscribe);
        await lprepl.Stdout.WaitForAsync("GenericSubscribeResponse", Timeout);
        await lprepl.TypeAsync(Frames.PublishHiThere);
        var published = JObject.Parse(await lprepl.Stdout.WaitForAsync("ms.PublishEventResponse", Timeout));
        published["code"]!.Value<int>().Should().Be(200);
        var answer = JObject.Parse(await lprepl.Stdout.WaitForAsync(
            l => l.Contains("ASSIGNED_AGENT") && l.Contains("hi there"), Timeout, "the agent's answer"));
        answer["type"]!.ToString().Should().Be("ms.MessagingEventNotification");
        var change = answer["body"]!["changes"]![0]!;
        change["originatorMetadata"]!["role"]!.ToString().Should().Be("ASSIGNED_AGENT");
        change["dialogId"]!.ToString().Should().Be(conversationId);

        await lprepl.TypeAsync(Frames.Close);
        var closed = JObject.Parse(await lprepl.Stdout.WaitForAsync("\"reqId\":\"4\"", Timeout));
        closed["code"]!.Value<int>().Should().Be(200);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        // Sent frames go to stderr with the '>' marker, expanded.
        lprepl.Stderr.Lines.Should().Contain(l => l.StartsWith("> ") && l.Contains($"\"dialogId\":\"{conversationId}\"") && l.Contains("hi there"));
        lprepl.Stderr.Lines.Should().NotContain(l => l.StartsWith("error"));
        lprepl.Stdout.Lines.Concat(lprepl.Stderr.Lines).Should().NotContain(l => l.Contains('\u001b'), "no escape codes when not at a terminal");
    }

    [Fact]
    public async Task Should_exit_non_zero_naming_the_line_when_a_piped_script_fails()
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home);
        await lprepl.TypeAsync("signup");
        await lprepl.TypeAsync("{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}");
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1);
        lprepl.Stderr.Lines.Should().Contain("error: stdin:2: not connected: run 'connect' first (after 'signup'). Nothing was sent.");
    }

    [Fact]
    public async Task Should_log_to_the_state_folder_and_never_write_a_whole_token_there()
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--log-level", "debug");
        await lprepl.TypeAsync("signup");
        await lprepl.TypeAsync("echo $LP_JWT");
        var jwt = await lprepl.Stdout.WaitForAsync(l => l.StartsWith("eyJ"), Timeout, "the token");
        await lprepl.TypeAsync("connect");
        await lprepl.TypeAsync(Frames.RequestConversation);
        await lprepl.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout);
        lprepl.CloseInput();
        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());

        File.Exists(home.LogFile).Should().BeTrue();
        var log = await File.ReadAllTextAsync(home.LogFile);
        log.Should().Contain("Connected to wss://127.0.0.1:");
        log.Should().Contain("cm.ConsumerRequestConversation", "frames are logged at debug level");
        var parts = jwt.Split('.');
        log.Should().NotContain(parts[1]).And.NotContain(parts[2]);
        lprepl.Stdout.Lines.Concat(lprepl.Stderr.Lines).Should().NotContain(l => l.Contains("[INF]") || l.Contains("[DBG]"));
    }

    [Fact]
    public async Task Should_refuse_a_bad_option_with_a_usage_error()
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--format", "fancy");

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(2);
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains("--format must be pretty, compact, raw or chat"));
    }
}
