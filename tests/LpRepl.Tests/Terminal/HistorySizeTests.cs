using System.Text;
using LpRepl.Terminal.LineEditing;

namespace LpRepl.Tests.Terminal;

/// <summary>The history file is bounded by bytes, not only lines: one huge paste cannot grow it.</summary>
public sealed class HistorySizeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-history-size-").FullName;

    // The documented limits (README, Line editing).
    private const int EntryLimit = 64 * 1024;
    private const int FileLimit = 1024 * 1024;

    private string File => Path.Combine(_dir, "history");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_not_write_a_10_MB_paste_to_the_file_but_recall_it_in_this_session()
    {
        var paste = "{\"message\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        var history = new History(File);
        history.Add("signup");
        history.Add(paste);
        history.Add("status");

        history.Entries.Should().HaveCount(3).And.Contain(paste);
        System.IO.File.ReadAllText(File).Should().Be("signup\nstatus\n");
    }

    [Fact]
    public void Should_keep_the_file_under_its_byte_limit_with_the_newest_lines()
    {
        var line = new string('y', EntryLimit - 100);
        var history = new History(File);
        for (var i = 0; i < 100; i++)
        {
            history.Add($"{i} {line}");
            new FileInfo(File).Length.Should().BeLessThanOrEqualTo(FileLimit);
        }

        var again = new History(File);
        again.Entries[^1].Should().StartWith("99 ");
        again.Entries.Should().HaveCountGreaterThan(5);
    }

    [Fact]
    public void Should_read_only_the_tail_of_a_history_file_grown_too_big_and_shrink_it_on_the_next_line()
    {
        var sb = new StringBuilder();
        // 12 MB in fewer lines than the line cap compacts at.
        for (var i = 0; i < 1_500; i++)
        {
            sb.Append("echo line ").Append(i).Append(' ').Append('z', 8_000).Append('\n');
        }
        System.IO.File.WriteAllText(File, sb.ToString());

        var history = new History(File);
        history.Entries[^1].Should().StartWith("echo line 1499 ");
        history.Add("status");

        new FileInfo(File).Length.Should().BeLessThanOrEqualTo(FileLimit);
        new History(File).Entries[^1].Should().Be("status");
    }
}
