using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// LiveEngage's role offline: the standalone emulator's agent console, driven at a real terminal, while
/// wscat is the consumer; and an lprepl attached to a standalone emulator playing its agent.
/// </summary>
public sealed class AgentConsoleTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_wrap_the_consoles_lines_between_words_at_80_columns()
    {
        using var home = new TempDir();
        // 80 columns is the point; 60 rows hold the exports (their paths wrap), the intro and the help, whatever the pid and port.
        using var tmux = Tmux.StartLpReplSized(80, 60, home, "emulator", "--agent", "manual");
        await tmux.WaitForTextAsync("agent> ", Timeout);

        tmux.TypeLine("help");

        var screen = await tmux.WaitForTextAsync("stop the emulator", Timeout);
        // capture-pane -J joins the rows the terminal wrapped: a row wider than 80 is one cut mid-word.
        var console = screen.Split('\n').SkipWhile(l => !l.StartsWith("agent console", StringComparison.Ordinal)).ToList();
        console.Should().HaveCountGreaterThan(5).And.OnlyContain(l => l.Length <= 80, "no row is wider than the terminal");
    }

    [Fact]
    public async Task Should_let_a_person_at_the_emulators_console_answer_a_wscat_consumer()
    {
        // Given lprepl emulator --agent manual at a terminal: its exports, then the console's prompt
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home, "emulator", "--agent", "manual");
        await tmux.WaitForTextAsync("agent console (mode manual)", Timeout);
        var env = home.Environment();
        foreach (var (name, value) in Exports(tmux.Screen()))
        {
            env[name] = value;
        }

        // And a consumer signed up with curl and jq, asking for a conversation with the tutorial's raw frame in wscat
        var jwt = await SignupAsync(env);
        var url = $"wss://{env["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{env["LP_ACCOUNT"]}/messaging/consumer?v=3";
        string conversationId;
        await using (var wscat = Wscat(env, "-H", $"Authorization:jwt {jwt}", "-c", url, "-x", Frames.RequestConversation, "-w", "2"))
        {
            conversationId = (string)JObject.Parse(await wscat.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout))["body"]!["conversationId"]!;
        }
        await tmux.WaitForTextAsync($"conversation {conversationId[..8]} opened by consumer", Timeout);

        // When wscat subscribes and says hi there, and stays connected to hear the agent
        await using var consumer = Wscat(env, "-H", $"Authorization:jwt {jwt}", "-c", url,
            "-x", Frames.With(Frames.Subscribe, conversationId), "-x", Frames.With(Frames.PublishHiThere, conversationId), "-w", "120");
        await consumer.Stdout.WaitForAsync("ms.PublishEventResponse", Timeout);

        // Then the console shows the consumer's message above its prompt
        await tmux.WaitForTextAsync($"consumer {conversationId[..8]}: hi there", Timeout);

        // When the person lists the conversations (Tab completing the word), accepts it (Tab completing its id) and answers
        tmux.Type("conv");
        tmux.Keys("Tab");
        tmux.Keys("Enter");
        var listed = await tmux.WaitForTextAsync($"* {conversationId}", Timeout);
        tmux.Type("accept " + conversationId[..4]);
        tmux.Keys("Tab");
        tmux.Keys("Enter");
        await tmux.WaitForTextAsync($"accepted conversation {conversationId}", Timeout);
        tmux.TypeLine("say hello from the agent");

        // Then wscat receives the agent's message event
        var said = JObject.Parse(await consumer.Stdout.WaitForAsync(l => l.Contains("ASSIGNED_AGENT") && l.Contains("hello from the agent"), Timeout, "the agent's message"));
        ((string?)said["type"]).Should().Be("ms.MessagingEventNotification");
        ((string?)said.SelectToken("body.changes[0].event.message")).Should().Be("hello from the agent");
        listed.Should().MatchRegex($@"\* {conversationId}  consumer \S+  waiting   consumer: hi there");
        (await tmux.WaitForTextAsync("said \"hello from the agent\"", Timeout)).Should().NotContain("error:");

        // And quit stops the emulator
        tmux.TypeLine("quit");
        await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "the emulator exiting");
        tmux.Screen().Should().Contain("emulator stopped");
    }

    [Fact]
    public async Task Should_let_an_attached_lprepl_play_the_agent_of_a_standalone_emulator()
    {
        // Given a standalone emulator with no terminal (no console), and an lprepl given only its exports
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent", "manual");
        await using var repl = ProcessDriver.Start("dotnet", [Repo.LpReplDll, "run", "-"], emulator.Environment(home), home.Path);

        // When its script plays both sides, the agent's through the emulator's control endpoint
        foreach (var line in new[]
        {
            "signup", "connect", "request-conversation", "subscribe-messages",
            "agent accept",
            "agent say hello from another process",
            "wait ms.MessagingEventNotification .body.changes[0].event.message=\"hello from another process\"",
        })
        {
            await repl.TypeAsync(line);
        }
        repl.CloseInput();

        // Then every line succeeds, and the agent's message reached the consumer's socket
        (await repl.WaitForExitAsync(Timeout)).Should().Be(0, repl.Transcript());
        repl.Stderr.ToString().Should().Contain("as the agent: accepted conversation").And.Contain("as the agent: said \"hello from another process\"");
        repl.Stdout.Lines.Should().Contain(l => l.Contains("hello from another process") && l.Contains("ASSIGNED_AGENT"));
    }

    [Fact]
    public async Task Should_draw_the_console_on_stderrs_terminal_keep_the_file_to_the_exports_and_restore_the_modes()
    {
        // Given lprepl emulator > env.sh at a terminal, then cat -v at the same terminal once it exits
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplInShell(home, "> env.sh", "; echo \"[lprepl exited $?]\"; exec cat -v", "emulator", "--agent", "manual");
        await tmux.WaitForTextAsync("agent console (mode manual)", Timeout);

        // When the person asks the mode, then presses Ctrl-D
        tmux.TypeLine("mode");
        await tmux.WaitForScreenAsync(s => s.Split('\n').Any(l => l.TrimEnd() == "mode manual"), Timeout, "the mode");
        tmux.Keys("C-d");
        await tmux.WaitForTextAsync("[lprepl exited 0]", Timeout);
        tmux.Keys("Up");

        // Then the cursor keys are the shell's again, and the file holds the exports alone
        await tmux.WaitForTextAsync("^[[A", Timeout);
        tmux.Screen().Should().NotContain("^[OA");
        var file = await File.ReadAllTextAsync(Path.Combine(home.Path, "env.sh"));
        file.Should().Contain("export LP_CSDS=").And.Contain("# try:").And.NotContain("\u001b");
        file.TrimEnd('\n').Split('\n').Should().OnlyContain(l => l.StartsWith("export ", StringComparison.Ordinal) || l.StartsWith("# ", StringComparison.Ordinal), "the console is drawn on stderr");
    }

    [Fact]
    public async Task Should_keep_serving_as_a_background_job_with_no_console()
    {
        // Given a shell at a terminal that starts the emulator as a job in the background (… > env.sh &)
        using var home = new TempDir();
        using var tmux = Tmux.Start(home, home.Environment(), Repo.Tool("bash"), "--norc", "--noprofile", "-i");
        tmux.TypeLine($"dotnet '{Repo.LpReplDll}' emulator > env.sh &");

        // When its exports are complete and the shell asks the agent's endpoint
        tmux.TypeLine("until grep -q '^# try:' env.sh 2>/dev/null; do sleep 0.1; done; . ./env.sh; curl -sS --noproxy '*' --max-time 10 https://$LP_CSDS/emulator/agent; echo \" curl exit $?\" | tr a-z A-Z");

        // Then it answers: a background job that took the terminal's modes would have been stopped (SIGTTOU)
        // (The exit status is upper-cased so that the typed command line cannot be taken for it.)
        var screen = await tmux.WaitForTextAsync(" CURL EXIT ", Timeout);
        screen.Should().Contain("{\"mode\":\"auto\",\"conversations\":[]} CURL EXIT 0");
        screen.Should().NotContain("agent console");
        tmux.TypeLine("kill %1; wait");
        await tmux.WaitForTextAsync("emulator stopped", Timeout);
    }

    // The export lines on the screen (wrapped ones joined), as `. env.sh` would set them.
    private static IEnumerable<(string Name, string Value)> Exports(string screen) => screen.Split('\n')
        .Select(l => l.TrimEnd())
        .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
        .Select(l => l["export ".Length..].Split('=', 2))
        .Where(p => !p[1].StartsWith('"'))
        .Select(p => (p[0], p[1]));

    private static async Task<string> SignupAsync(IDictionary<string, string> env)
    {
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", "curl -sS -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"], env);
        shell.CloseInput();
        (await shell.WaitForExitAsync(Timeout)).Should().Be(0, shell.Transcript());
        return shell.Stdout.Lines.Should().ContainSingle().Which;
    }

    private static ProcessDriver Wscat(IDictionary<string, string> env, params string[] args) => ProcessDriver.Start(Repo.Tool("wscat"), args, env);
}
