using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>A session recorded at the prompt replays green against a fresh conversation of another emulator.</summary>
public class RecordReplayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_replay_a_recorded_interactive_session_against_a_new_conversation()
    {
        // Given a session typed in a terminal and recorded
        using var home = new TempDir();
        var transcript = Path.Combine(home.Path, "session.jsonl");
        using (var tmux = Tmux.StartLpRepl(home, "--format", "compact", "--agent-delay", "100"))
        {
            await tmux.WaitForReadyAsync(Timeout);
            tmux.TypeLine($"record {transcript}");
            tmux.TypeLine("signup");
            tmux.TypeLine("connect");
            tmux.TypeLine("request-conversation");
            await tmux.WaitForTextAsync("conversationId=", Timeout);
            tmux.TypeLine("{\"kind\":\"req\",\"id\":7,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"recorded\"}}}");
            await tmux.WaitForTextAsync("\"reqId\":\"7\"", Timeout);
            tmux.TypeLine("close-conversation");
            await tmux.WaitForTextAsync("OK Conversation resolved successfully", Timeout);
            tmux.TypeLine("exit");
            await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving");
        }
        var recorded = (await File.ReadAllLinesAsync(transcript)).Select(JObject.Parse).ToList();
        recorded.Should().Contain(e => (string)e["dir"]! == "out").And.Contain(e => (string)e["dir"]! == "in");
        var oldConversation = JObject.Parse((string)recorded.First(e => ((string)e["frame"]!).Contains("cm.RequestConversationResponse"))["frame"]!)["body"]!["conversationId"]!.ToString();

        // When it is replayed by a new lprepl (a new emulator, a new conversation)
        await using var replay = ProcessDriver.StartLpRepl(home, "replay", transcript, "--agent-delay", "100");
        replay.CloseInput();

        // Then every request is answered 200, in a conversation that is not the recorded one
        (await replay.WaitForExitAsync(Timeout)).Should().Be(0, replay.Transcript());
        var responses = replay.Stdout.Lines.Select(JObject.Parse).Where(f => (string?)f["kind"] == "resp").ToList();
        responses.Select(r => (string)r["type"]!).Should().Equal("cm.RequestConversationResponse", "ms.PublishEventResponse", "StringResponse");
        responses.Should().OnlyContain(r => (int)r["code"]! == 200);
        var newConversation = responses[0]["body"]!["conversationId"]!.ToString();
        newConversation.Should().NotBe(oldConversation);
        replay.Stderr.Lines.Should().Contain(l => l.StartsWith("> ") && l.Contains($"\"dialogId\":\"{newConversation}\"") && l.Contains("recorded"));
    }

    [Fact]
    public async Task Should_turn_a_transcript_into_a_script_and_never_carry_a_token()
    {
        using var home = new TempDir();
        var transcript = Path.Combine(home.Path, "t.jsonl");
        await using (var lprepl = ProcessDriver.StartLpRepl(home, "--record", transcript))
        {
            await lprepl.TypeAsync("signup");
            await lprepl.TypeAsync("connect");
            await lprepl.TypeAsync("init-connection");
            await lprepl.TypeAsync("request-conversation");
            lprepl.CloseInput();
            (await lprepl.WaitForExitAsync(Timeout)).Should().Be(0, lprepl.Transcript());
        }
        var text = await File.ReadAllTextAsync(transcript);
        text.Should().Contain("(redacted)").And.NotMatchRegex(@"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}");

        await using var toScript = ProcessDriver.StartLpRepl(home, "replay", transcript, "--to-script");
        toScript.CloseInput();
        (await toScript.WaitForExitAsync(Timeout)).Should().Be(0);

        toScript.Stdout.Lines.Skip(1).Should().Equal(
            "signup",
            "connect",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"InitConnection\",\"headers\":[{\"type\":\".ams.headers.ClientProperties\",\"deviceFamily\":\"DESKTOP\",\"os\":\"LINUX\"},{\"type\":\".ams.headers.ConsumerAuthentication\",\"jwt\":\"{{LP_JWT}}\"}]}",
            "{\"kind\":\"req\",\"id\":2,\"type\":\"cm.ConsumerRequestConversation\"}");
    }
}
