using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>
/// What a bash user of lp-shell types out of habit gets the LpRepl way (a program through '!', no
/// export, echo does not redirect), and help knows templates and --dry-run.
/// </summary>
public sealed class ShellHabitTests
{
    private static async Task<CollectingOutput> RunInteractive(params string[] lines)
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        var source = new ScriptedLines(lines);
        source.End();
        await new ReplLoop(session, source, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        return output;
    }

    [Fact]
    public async Task Should_point_programs_and_export_to_the_lprepl_way_and_never_suggest_the_question_mark()
    {
        var output = await RunInteractive("ls", "jq .", "curl -s https://example.com", "export X=1", "zz");

        output.Errors.Last().Should().StartWith("unknown command 'zz'").And.NotContain("'?'");
        output.Errors.SkipLast(1).Should().Equal(
            "'ls' is a program, not an LpRepl command: run it with !ls … (or NAME=$(ls …) to keep what it prints)",
            "'jq' is a program, not an LpRepl command: run it with !jq … (or NAME=$(jq …) to keep what it prints)",
            "'curl' is a program, not an LpRepl command: run it with !curl … (or NAME=$(curl …) to keep what it prints)",
            "no 'export' is needed: write X=1 (session variables are in the environment of $(…) and ! commands already)");
    }

    [Fact]
    public async Task Should_say_that_echo_does_not_redirect()
    {
        var output = await RunInteractive("echo hi > out.txt");

        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "hi > out.txt");
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("note: echo does not redirect: '>' was printed, no file was written; !echo"));
    }

    [Fact]
    public async Task Should_help_with_a_template_and_with_dry_run()
    {
        var output = await RunInteractive("help publish", "help --dry-run", "help publsh");

        var data = output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).ToList();
        data[0].Should().StartWith("publish text=… [dialog=…]\n  publish a text message").And.Contain("'template show publish' prints it");
        data[1].Should().StartWith("TEMPLATE [k=v …] --dry-run\n");
        output.Errors.Should().Equal("no command 'publsh'; did you mean 'publish'?");
    }
}
