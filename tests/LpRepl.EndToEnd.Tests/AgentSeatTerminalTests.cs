using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>One person on both sides in a real terminal: the consumer's frames and the agent's commands in one REPL.</summary>
public sealed class AgentSeatTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_let_the_user_play_the_agent_in_manual_mode()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--agent", "manual", "--format", "compact");
        await tmux.WaitForTextAsync("agent manual", Timeout);

        foreach (var line in new[] { "signup", "connect", "subscribe-conversations", "request-conversation" })
        {
            tmux.TypeLine(line);
        }
        // As a person would: read the conversation id before subscribing to its messages.
        await tmux.WaitForTextAsync("conversationId=", Timeout);
        tmux.TypeLine("subscribe-messages");
        await tmux.WaitForTextAsync("\"type\":\"GenericSubscribeResponse\"", Timeout);
        tmux.Screen().Should().NotContain("ASSIGNED_AGENT", "in manual mode nobody accepts by themselves");

        tmux.TypeLine("agent accept");
        await tmux.WaitForTextAsync("\"role\":\"ASSIGNED_AGENT\"", Timeout);
        tmux.TypeLine("agent say Hello, this is Emma.");
        await tmux.WaitForTextAsync("\"message\":\"Hello, this is Emma.\"", Timeout);
        tmux.TypeLine("publish text=\"thanks, bye\"");
        await tmux.WaitForTextAsync("\"message\":\"thanks, bye\"", Timeout);
        tmux.TypeLine("agent read");
        await tmux.WaitForTextAsync("\"status\":\"READ\"", Timeout);
        tmux.TypeLine("agent close");
        var screen = await tmux.WaitForTextAsync("\"closeReason\":\"AGENT\"", Timeout);

        screen.Should().Contain("as the agent: closed conversation");
        screen.Should().NotContain("error:");
        tmux.TypeLine("exit");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl exiting");
    }
}
