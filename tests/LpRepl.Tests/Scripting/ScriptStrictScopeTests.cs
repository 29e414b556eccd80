using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Scripting;

/// <summary><c>strict on|off</c> inside a script run by <c>run</c> holds for that script only: the session gets its own setting back.</summary>
public sealed class ScriptStrictScopeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-strict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false, "strict on")]
    [InlineData(true, "strict off")]
    public async Task Should_give_the_session_its_own_setting_back_when_a_script_that_changed_it_ends(bool before, string inScript)
    {
        // Given a session, and a script that changes strict
        var script = Path.Combine(_dir, "changes-strict.lprepl");
        await File.WriteAllTextAsync(script, $"{inScript}\nstrict\n");
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        session.Strict = before;

        // When the script runs inside it and ends
        var lines = new ScriptedLines($"run {script}", "strict");
        lines.End();
        await new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        // Then the script ran with its setting, and the session has its own again
        var said = output.Entries.Where(e => e.Kind == "data").Select(e => e.Text.Split(':')[0]).ToList();
        said.Should().Equal(before ? "strict off" : "strict on", before ? "strict on" : "strict off");
        session.Strict.Should().Be(before);
    }

    [Fact]
    public async Task Should_restore_it_when_the_script_fails_too()
    {
        var script = Path.Combine(_dir, "fails.lprepl");
        await File.WriteAllTextAsync(script, "strict on\nno-such-command\n");
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);

        var lines = new ScriptedLines($"run {script}");
        lines.End();
        await new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        output.Errors.Should().Contain(e => e.Contains("unknown command 'no-such-command'", StringComparison.Ordinal));
        session.Strict.Should().BeFalse();
    }
}
