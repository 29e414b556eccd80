using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The tutorial typed into lprepl in a real terminal (tmux), read back from the screen.</summary>
public partial class TerminalTutorialTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex("\"conversationId\": \"([0-9a-f-]{36})\"")]
    private static partial Regex ConversationId();

    [Fact]
    public async Task Should_follow_the_getting_started_tutorial_as_a_person_would()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "--agent-delay", "100");
        await tmux.WaitForReadyAsync(Timeout);
        (await tmux.WaitForTextAsync("embedded LivePerson emulator", Timeout)).Should().Contain("LP_ASYNCMESSAGINGENT");

        tmux.TypeLine("signup");
        await tmux.WaitForTextAsync("LP_JWT=eyJ", Timeout);
        tmux.TypeLine("connect");
        await tmux.WaitForTextAsync("lp*> ", Timeout);
        tmux.TypeLine(Frames.RequestConversation);
        var screen = await tmux.WaitForScreenAsync(s => ConversationId().IsMatch(s), Timeout, "a conversationId");
        screen.Should().Contain("\"type\": \"cm.RequestConversationResponse\"");
        var conversationId = ConversationId().Match(screen).Groups[1].Value;

        tmux.TypeLine(Frames.Subscribe);
        await tmux.WaitForTextAsync("\"type\": \"GenericSubscribeResponse\"", Timeout);
        tmux.TypeLine(Frames.PublishHiThere);
        await tmux.WaitForTextAsync("\"type\": \"ms.PublishEventResponse\"", Timeout);
        screen = await tmux.WaitForTextAsync("\"message\": \"You said: hi there\"", Timeout);
        screen.Should().Contain("\"role\": \"ASSIGNED_AGENT\"");
        screen.Should().Contain($"\"dialogId\":\"{conversationId}\"", "the sent frame is echoed expanded");

        tmux.TypeLine(Frames.Close);
        await tmux.WaitForTextAsync("\"body\": \"OK Conversation resolved successfully\"", Timeout);
        tmux.TypeLine("exit");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl exiting");
        tmux.Screen().Should().NotContain("error:");
    }

    [Fact]
    public async Task Should_report_bad_input_and_keep_the_prompt()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine("{\"kind\":\"req\" \"id\":1}");
        await tmux.WaitForTextAsync("error: invalid JSON at line 1, column 15", Timeout);
        tmux.TypeLine("conect");
        await tmux.WaitForTextAsync("did you mean 'connect'?", Timeout);
        tmux.TypeLine("connect");
        await tmux.WaitForTextAsync("LP_JWT is not set: run 'signup' first", Timeout);
        tmux.TypeLine("echo still $LP_ACCOUNT");
        await tmux.WaitForTextAsync("still 12345678", Timeout);

        tmux.Keys("C-d");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving on Ctrl-D");
    }

    [Fact]
    public async Task Should_stop_a_running_line_with_ctrl_c_and_keep_the_session()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine("sleep 60");
        // The line has been entered — the editor took the Enter and moved the cursor below it — and is running.
        // (Seeing the typed text alone is not enough: the Enter may not have been read yet.)
        await tmux.WaitForScreenAsync(
            s => s.TrimEnd().EndsWith("lp> sleep 60", StringComparison.Ordinal) && tmux.Cursor().Column == 0,
            Timeout,
            "the running line");
        tmux.Keys("C-c");
        await tmux.WaitForTextAsync("error: interrupted (Ctrl-C)", Timeout);
        tmux.TypeLine("echo back $LP_ACCOUNT");
        await tmux.WaitForTextAsync("back 12345678", Timeout);
    }
}
