using LpRepl.Commands;
using LpRepl.Repl.Completion;
using LpRepl.Session;
using LpRepl.Tests.Terminal;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Repl;

/// <summary>Tab after run, load, save, record and !COMMAND completes file names from a real directory, as bash does.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileNameCompletionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lprepl-complete-").FullName;

    public FileNameCompletionTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        Directory.CreateDirectory(Path.Combine(_root, "home"));
        Touch("scripts/getting-started.lprepl", "scripts/survive-drops.lprepl", "scripts/notes.txt", "scripts/.draft.lprepl", "lp.env", "home/lp.env");
    }

    public void Dispose()
    {
        foreach (var dir in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(_root, recursive: true);
    }

    private void Touch(params string[] paths)
    {
        foreach (var path in paths)
        {
            File.WriteAllText(Path.Combine(_root, path), "");
        }
    }

    private ReplCompleter Completer() => new(CommandRegistry.CreateDefault(), new SessionVariables(), paths: new PathRoots(_root, Path.Combine(_root, "home")));

    private CompletionResult Complete(string line) => Completer().Complete(line, line.Length);

    // What Tab leaves in the line when the completion is unique.
    private string Completed(string line)
    {
        var result = Complete(line);
        result.Candidates.Should().ContainSingle($"'{line}' completes one name");
        return line[..result.Start] + result.Candidates[0] + result.Suffix;
    }

    [Fact]
    public void Should_complete_a_directory_with_a_slash_and_no_space()
    {
        Completed("run scr").Should().Be("run scripts/");
        Completed("source scr").Should().Be("source scripts/");
    }

    [Fact]
    public void Should_complete_a_unique_file_with_a_space()
    {
        Completed("load lp").Should().Be("load lp.env ");
        Completed("save l").Should().Be("save lp.env ");
        Completed("record scripts/n").Should().Be("record scripts/notes.txt ");
        Completed("!cat l").Should().Be("!cat lp.env ");
    }

    [Fact]
    public void Should_offer_the_scripts_of_a_directory_to_run_and_list_them_by_name()
    {
        var result = Complete("run scripts/");

        result.Candidates.Should().Equal("scripts/getting-started.lprepl", "scripts/survive-drops.lprepl");
        result.Shown.Should().Equal("getting-started.lprepl", "survive-drops.lprepl");
        (result.Start, result.Length).Should().Be((4, 8));
    }

    [Fact]
    public void Should_still_complete_another_file_for_run_where_no_script_matches()
    {
        Completed("run scripts/no").Should().Be("run scripts/notes.txt ");
        Complete("record scripts/").Shown.Should().Equal("getting-started.lprepl", "notes.txt", "survive-drops.lprepl");
    }

    [Fact]
    public void Should_offer_dot_files_only_when_the_name_typed_starts_with_a_dot()
    {
        Complete("record scripts/").Shown.Should().NotContain(".draft.lprepl");
        Complete("run scripts/.").Shown.Should().Equal("./", "../", ".draft.lprepl");
        Completed("run scripts/.d").Should().Be("run scripts/.draft.lprepl ");
    }

    [Fact]
    public void Should_complete_absolute_paths_and_paths_under_home()
    {
        Completed($"load {_root}/l").Should().Be($"load {_root}/lp.env ");
        Completed("load ~").Should().Be("load ~/");
        Completed("load ~/").Should().Be("load ~/lp.env ");
    }

    [Fact]
    public void Should_quote_a_name_with_spaces_as_the_word_was_begun()
    {
        Directory.CreateDirectory(Path.Combine(_root, "my dir"));
        Touch("my dir/it's $1.env");

        Completed("load my").Should().Be("load my\\ dir/");
        Completed("load my\\ dir/").Should().Be("load my\\ dir/it\\'s\\ \\$1.env ");
        Completed("load \"my").Should().Be("load \"my dir/");
        Completed("load \"my dir/").Should().Be("load \"my dir/it's \\$1.env\" ");
        Completed("load 'my dir/").Should().Be("load 'my dir/it'\\''s $1.env' ");
    }

    [Theory]
    [InlineData("load my")]
    [InlineData("load \"my")]
    [InlineData("load 'my")]
    public void Should_complete_to_words_the_command_reads_back_as_the_file(string typed)
    {
        Directory.CreateDirectory(Path.Combine(_root, "my dir"));
        Touch("my dir/it's $1 \"x\".env");

        var line = Completed(Completed(typed));
        var words = ShellWords.Split(line, _ => null).Words;

        words.Should().HaveCount(2);
        File.Exists(Path.Combine(_root, words[1])).Should().BeTrue($"'{line}' names the file");
    }

    [Fact]
    public void Should_offer_nothing_in_a_directory_that_cannot_be_read_nor_under_a_file()
    {
        var locked = Path.Combine(_root, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "inside.lprepl"), "");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var readable = CanList(locked);

        var act = () => Complete("run locked/");

        act.Should().NotThrow();
        if (!readable)
        {
            act().Candidates.Should().BeEmpty();
        }
        Complete("run lp.env/").Candidates.Should().BeEmpty();
        Complete("run nowhere/").Candidates.Should().BeEmpty();
    }

    // Root lists any directory: there the locked one shows only that nothing throws.
    private static bool CanList(string directory)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(directory).ToList();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void Should_read_at_most_the_cap_and_complete_nothing_in_a_larger_directory()
    {
        var big = Path.Combine(_root, "big");
        Directory.CreateDirectory(big);
        for (var i = 0; i < PathCompleter.MaxEntries - 1; i++)
        {
            File.WriteAllText(Path.Combine(big, $"f{i:D4}"), "");
        }
        File.WriteAllText(Path.Combine(big, "z.env"), "");

        Completed("load big/z").Should().Be("load big/z.env ", "1,000 entries are all read");

        File.WriteAllText(Path.Combine(big, "y.env"), "");
        Complete("load big/z").Candidates.Should().BeEmpty("past 1,000 entries a match could be one of several");
    }

    [Fact]
    public void Should_leave_words_with_a_variable_or_a_command_alone()
    {
        Complete("load $LP_X/").Candidates.Should().BeEmpty();
        Complete("load `pwd`/").Candidates.Should().BeEmpty();
    }

    [Fact]
    public void Should_offer_record_off_beside_the_file_names()
    {
        var all = Complete("record ");
        all.Candidates.Should().Equal("off", "home/", "lp.env", "scripts/");
        all.Shown.Should().Equal("off", "home/", "lp.env", "scripts/");
        Completed("record o").Should().Be("record off ");
        Completed("record l").Should().Be("record lp.env ");
        Complete("record off ").Candidates.Should().BeEmpty("record takes one word");
        Complete("save o").Candidates.Should().BeEmpty("only record has an off");
    }

    [Fact]
    public void Should_complete_a_file_named_off_as_the_file_once()
    {
        Touch("off");

        Completed("record of").Should().Be("record off ");
        Complete("record ").Candidates.Should().Equal("home/", "lp.env", "off", "scripts/");
    }

    [Fact]
    public async Task Should_complete_a_file_name_before_the_cursor_and_keep_the_rest_as_readline_does()
    {
        var harness = new EditorHarness(completer: Completer());

        (await harness.ReadAsync("run scrxyz" + Left + Left + Left + Tab + Enter)).Should().Be("run scripts/xyz");
    }

    [Fact]
    public async Task Should_complete_in_the_editor_then_list_the_files_by_name()
    {
        var harness = new EditorHarness(completer: Completer());

        var read = await harness.StartAsync("run scr" + Tab + Tab);

        harness.Lines.Should().Equal("lp> run scripts/", "getting-started.lprepl  survive-drops.lprepl", "lp> run scripts/");
        harness.Terminal.Type("g" + Tab + Enter);
        (await read).Should().Be("run scripts/getting-started.lprepl ");
    }
}
