using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The line editor in a real terminal: a half-typed line survives inbound frames, and history survives a restart.</summary>
public partial class LineEditorTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex("conversationId=([0-9a-f-]{36})")]
    private static partial Regex CapturedId();

    [Fact]
    public async Task Should_keep_the_half_typed_frame_while_the_agents_answer_prints_above_it()
    {
        // Given a conversation whose agent takes two seconds to answer
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--agent-delay", "2000", "--log-level", "debug", "--format", "compact");
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("signup");
        tmux.TypeLine("connect");
        tmux.TypeLine(Frames.RequestConversation);
        var conversationId = CapturedId().Match(await tmux.WaitForScreenAsync(s => CapturedId().IsMatch(s), Timeout, "the captured id")).Groups[1].Value;
        tmux.TypeLine(Frames.Subscribe);
        await tmux.WaitForTextAsync("GenericSubscribeResponse", Timeout);

        // When "hi there" is published and, while the answer is on its way, half of the next frame is typed
        tmux.TypeLine(Frames.PublishHiThere);
        const string firstHalf = "{\"kind\":\"req\",\"id\":5,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",";
        const string secondHalf = "\"contentType\":\"text/plain\",\"message\":\"and a second one\"}}}";
        tmux.Type(firstHalf);
        var before = await tmux.WaitForScreenAsync(s => s.Contains("lp*> " + firstHalf, StringComparison.Ordinal), Timeout, "the half-typed frame");
        before.Should().NotContain("You said: hi there", "the half line must be typed before the answer arrives");

        // Then the answer prints above, and the prompt below still holds the half-typed text, cursor at its end
        await tmux.WaitForTextAsync("You said: hi there", Timeout);
        var visible = tmux.VisibleLines();
        visible[^1].Should().Be("lp*> " + firstHalf);
        visible.Take(visible.Count - 1).Should().Contain(l => l.Contains("\"role\":\"ASSIGNED_AGENT\"") && l.Contains("You said: hi there"));
        tmux.Cursor().Should().Be((("lp*> " + firstHalf).Length, visible.Count - 1));

        // And finishing the line sends exactly what was typed
        tmux.TypeLine(secondHalf);
        await tmux.WaitForTextAsync("\"reqId\":\"5\"", Timeout);
        var expected = (firstHalf + secondHalf).Replace("{{conversationId}}", conversationId, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(home.LogFile);
        log.Should().Contain($"sent {expected}\n", "the emulator logs each frame it receives");
        tmux.Screen().Should().NotContain("error:");
    }

    [Fact]
    public async Task Should_recall_history_after_a_restart_but_never_a_line_with_a_token()
    {
        using var home = new TempDir();
        string jwt;
        using (var tmux = Tmux.StartLpRepl(home, "--format", "compact"))
        {
            await tmux.WaitForReadyAsync(Timeout);
            tmux.TypeLine("signup");
            tmux.TypeLine("echo $LP_JWT");
            var screen = await tmux.WaitForScreenAsync(s => Regex.IsMatch(s, @"^eyJ\S+$", RegexOptions.Multiline), Timeout, "the token");
            jwt = Regex.Match(screen, @"^(eyJ\S+)$", RegexOptions.Multiline).Groups[1].Value;
            tmux.TypeLine($"LP_JWT={jwt}");
            tmux.TypeLine("echo remember-me");
            await tmux.WaitForScreenAsync(s => s.Contains("\nremember-me", StringComparison.Ordinal), Timeout, "the echo");
            tmux.Keys("C-d");
            await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving");
        }

        using (var tmux = Tmux.StartLpRepl(home, "--format", "compact"))
        {
            await tmux.WaitForReadyAsync(Timeout);
            tmux.Keys("Up");
            await tmux.WaitForTextAsync("lp> echo remember-me", Timeout);
            tmux.Keys("Up");
            await tmux.WaitForTextAsync("lp> echo $LP_JWT", Timeout);
            tmux.Keys("C-u", "C-d");
            await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving");
        }

        var history = await File.ReadAllTextAsync(Path.Combine(home.StateDir, "lprepl", "history"));
        history.Should().Be("signup\necho $LP_JWT\necho remember-me\n");
        history.Should().NotContain(jwt.Split('.')[1]);
    }
}
