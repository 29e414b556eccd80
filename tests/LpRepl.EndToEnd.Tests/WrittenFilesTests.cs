using System.Text.RegularExpressions;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// A representative session (at a terminal, then a piped script with --log), and afterwards every
/// file it wrote under its home and working folder: each is its owner's alone (0600), and none
/// but lp.env (whose job is to hold LP_JWT) holds a whole token.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public partial class WrittenFilesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [GeneratedRegex(@"^(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$", RegexOptions.Multiline)]
    private static partial Regex WholeToken();

    [Fact]
    public async Task Should_leave_only_private_files_and_no_whole_token_outside_lp_env()
    {
        using var home = new TempDir();
        // A history and a log left by an older version, readable by everyone.
        var state = Path.Combine(home.StateDir, "lprepl");
        Directory.CreateDirectory(state);
        foreach (var old in new[] { Path.Combine(state, "history"), home.LogFile })
        {
            File.WriteAllText(old, old.EndsWith("history", StringComparison.Ordinal) ? "echo older\n" : "");
            File.SetUnixFileMode(old, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var tokens = new List<string>();

        // At a terminal: signup, the token copied and listed, connect --init (the token inside a frame), a transcript, save, history
        using (var tmux = Tmux.StartLpRepl(home, "--format", "compact", "--log-level", "debug"))
        {
            await tmux.WaitForReadyAsync(Timeout);
            tmux.TypeLine("signup");
            tmux.TypeLine("echo $LP_JWT");
            var screen = await tmux.WaitForScreenAsync(s => WholeToken().IsMatch(s), Timeout, "the token");
            tokens.Add(WholeToken().Match(screen).Groups[1].Value);
            tmux.TypeLine($"LP_JWT={tokens[0]}");
            tmux.TypeLine("COPY=$LP_JWT");
            tmux.TypeLine("vars");
            tmux.TypeLine("record session.jsonl");
            tmux.TypeLine("connect --init");
            await tmux.WaitForTextAsync("Connection initialized successfully", Timeout);
            tmux.TypeLine("request-conversation");
            await tmux.WaitForTextAsync("conversationId=", Timeout);
            tmux.TypeLine("subscribe-messages");
            await tmux.WaitForTextAsync("GenericSubscribeResponse", Timeout);
            tmux.TypeLine("publish text=\"hi there\"");
            await tmux.WaitForTextAsync("You said: hi there", Timeout);
            tmux.TypeLine("save");
            await tmux.WaitForTextAsync("saved ", Timeout);
            tmux.TypeLine("echo done-at-the-terminal");
            await tmux.WaitForScreenAsync(s => s.Contains("\ndone-at-the-terminal", StringComparison.Ordinal), Timeout, "the last echo");
            tmux.Screen().Should().NotContain("error:");
            tmux.Keys("C-d");
            await tmux.WaitForScreenAsync(_ => tmux.PaneDead(), Timeout, "lprepl leaving");
        }

        // Piped: a script with its own --log and --record
        await using (var run = ProcessDriver.StartLpRepl(home, "run", "-", "--log", "logs/custom.log", "--log-level", "debug", "--record", "piped.jsonl"))
        {
            foreach (var line in new[] { "signup", "echo $LP_JWT", "connect --init", "request-conversation", "subscribe-messages", "publish text=\"hi again\"", "wait ms.MessagingEventNotification .body.changes[0].originatorMetadata.role=ASSIGNED_AGENT timeout=15" })
            {
                await run.TypeAsync(line);
            }
            run.CloseInput();
            (await run.WaitForExitAsync(Timeout)).Should().Be(0, run.Transcript());
            tokens.Add(run.Stdout.Lines.Single(l => WholeToken().IsMatch(l)));
        }

        // Then every file written is 0600, and only lp.env holds a whole token
        var files = Directory.EnumerateFiles(home.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.dotnet{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var names = files.Select(f => Path.GetRelativePath(home.Path, f)).ToList();
        names.Should().Contain(["lp.env", "session.jsonl", "piped.jsonl", Path.Combine("logs", "custom.log"), Path.Combine("state", "lprepl", "history"), Path.Combine("state", "lprepl", "lprepl.log")]);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(home.Path, file);
            var text = File.ReadAllText(file);
            if (name.EndsWith(".pem", StringComparison.Ordinal))
            {
                // The emulator's CA certificate: public by nature, so no mode asked of it, but no token either.
                text.Should().Contain("BEGIN CERTIFICATE");
            }
            else
            {
                File.GetUnixFileMode(file).Should().Be(OwnerOnly, $"{name} can hold a secret");
            }
            if (name == "lp.env")
            {
                text.Should().Contain($"LP_JWT={tokens[0]}", "lp.env holds the token by design");
                continue;
            }
            foreach (var token in tokens)
            {
                text.Should().NotContain(token, $"{name} must never hold a whole token");
            }
        }
        File.ReadAllText(Path.Combine(state, "history")).Should().StartWith("echo older\n").And.Contain("record session.jsonl");
        File.ReadAllText(home.LogFile).Should().Contain("InitConnection", "the debug log shows the frame, its token shortened");
    }
}
