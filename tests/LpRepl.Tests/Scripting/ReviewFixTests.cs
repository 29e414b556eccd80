using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Session;
using LpRepl.Terminal;
using LpRepl.Terminal.Rendering;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Scripting;

/// <summary>Edge cases: odd server frames, quoting, line breaks, widths, and scripts that run themselves.</summary>
public sealed class ReviewFixTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-edge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_read_a_code_too_large_for_an_int_as_no_code_instead_of_throwing()
    {
        FrameInfo.From(JObject.Parse("{\"kind\":\"resp\",\"reqId\":\"1\",\"code\":3000000000}")).Code.Should().BeNull();
    }

    [Fact]
    public void Should_end_a_frame_at_a_line_break_inside_a_string_so_the_validator_can_point_at_it()
    {
        JsonBalance.IsComplete("{\"message\":\"it\"s\"}\n").Should().BeTrue();
    }

    [Fact]
    public void Should_substitute_a_command_inside_double_quotes_as_one_word()
    {
        var result = ShellWords.Split("X=\"$(cmd one) and `cmd two`\"", _ => null, c => c.ToUpperInvariant() + "\n", splitFields: true);

        result.Words.Should().Equal("X=CMD ONE and CMD TWO");
    }

    [Fact]
    public void Should_show_control_characters_from_the_server_instead_of_obeying_them()
    {
        TerminalOutput.Visible("{\"a\":\"\u001b]0;pwned\u0007\"}\tx\ny").Should().Be("{\"a\":\"\\u001b]0;pwned\\u0007\"}\tx\ny");
    }

    [Theory]
    [InlineData("✅", 2)]
    [InlineData("⭐", 2)]
    [InlineData("🟢", 2)]
    [InlineData("→", 1)]
    public void Should_measure_emoji_presentation_symbols_as_two_cells(string text, int cells)
    {
        CellWidth.Of(text).Should().Be(cells);
    }

    [Fact]
    public void Should_write_an_env_file_only_its_owner_can_read_and_leave_out_a_line_break()
    {
        var file = Path.Combine(_dir, "lp.env");

        var leftOut = EnvFile.Write(file, [new("LP_JWT", "eyJ.x.y"), new("X", "a\nb")]);

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        leftOut.Should().ContainSingle().Which.Name.Should().Be("X");
        File.ReadAllText(file).Should().Be("LP_JWT=eyJ.x.y\n");
    }

    [Fact]
    public async Task Should_stop_a_script_that_runs_itself()
    {
        var file = Path.Combine(_dir, "self.lprepl");
        await File.WriteAllTextAsync(file, $"COUNT=x\nrun {file}\n");
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines($"run {file}");
        lines.End();

        var code = await new ReplLoop(session, lines, ReplMode.Script).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().Contain(e => e.Contains("scripts run scripts 16 deep: is"));
    }

}
