using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The getting-started flow in the chat format, in a real terminal (tmux) on the embedded emulator.</summary>
public partial class ChatTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"agent: You said: hi there  #(\d+)")]
    private static partial Regex AgentLine();

    [Fact]
    public async Task Should_show_the_getting_started_conversation_one_line_per_message()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--agent-delay", "100", "--format", "chat");
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine("signup");
        await tmux.WaitForTextAsync("LP_JWT=eyJ", Timeout);
        tmux.TypeLine("connect");
        await tmux.WaitForTextAsync("lp*> ", Timeout);
        tmux.TypeLine(Frames.RequestConversation);
        await tmux.WaitForTextAsync("✓ cm.ConsumerRequestConversation id 1 → conversation ", Timeout);
        tmux.TypeLine(Frames.Subscribe);
        await tmux.WaitForTextAsync("✓ ms.SubscribeMessagingEvents id 2 · ", Timeout);
        tmux.TypeLine(Frames.PublishHiThere);

        var screen = await tmux.WaitForScreenAsync(s => AgentLine().IsMatch(s), Timeout, "the agent's answer on one line");
        screen.Should().MatchRegex(@"✓ ms\.PublishEvent id 3 → seq 0 · \d+ ms  #\d+").And.Contain("you: hi there  #").And.Contain("· agent ACCEPT seq 0  #");
        screen.Should().NotContain("originatorMetadata", "no received frame is printed whole until asked for");

        // The whole frame on request, by the number at the end of its line.
        tmux.TypeLine($"show {AgentLine().Match(screen).Groups[1].Value}");
        screen = await tmux.WaitForTextAsync("\"message\": \"You said: hi there\"", Timeout);
        screen.Should().Contain("\"role\": \"ASSIGNED_AGENT\"");

        // And back to pretty at the prompt.
        tmux.TypeLine("format pretty");
        await tmux.WaitForTextAsync("format pretty", Timeout);
        tmux.TypeLine(Frames.Close);
        await tmux.WaitForTextAsync("\"body\": \"OK Conversation resolved successfully\"", Timeout);
        tmux.TypeLine("exit");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl exiting");
        tmux.Screen().Should().NotContain("error:");
    }
}
