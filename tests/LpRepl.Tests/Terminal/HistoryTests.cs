using LpRepl.Terminal.LineEditing;

namespace LpRepl.Tests.Terminal;

public sealed class HistoryTests : IDisposable
{
    private const string Jwt = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-history-").FullName;

    private string File => Path.Combine(_dir, "state", "history");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_persist_lines_and_read_them_back_in_a_new_session()
    {
        var first = new History(File);
        first.Add("signup");
        first.Add("{\n  \"a\": \"back\\\\slash\"\n}");

        new History(File).Entries.Should().Equal("signup", "{\n  \"a\": \"back\\\\slash\"\n}");
    }

    [Theory]
    [InlineData("LP_JWT=" + Jwt)]
    [InlineData("connect -H \"Authorization: jwt " + Jwt + "\"")]
    [InlineData("LP_JWT=abc")]
    [InlineData("MY_TOKEN='literal value'")]
    [InlineData("set LP_BEARER xyz")]
    public void Should_never_write_a_line_that_holds_a_credential(string line)
    {
        var history = new History(File);
        history.Add("signup");
        history.Add(line);

        history.Entries.Should().EndWith(line, "it is still recalled in this session");
        System.IO.File.ReadAllText(File).Should().Be("signup\n");
    }

    [Theory]
    [InlineData("LP_JWT=$UNAUTH_JWT")]
    [InlineData("echo $LP_JWT")]
    [InlineData("LP_ACCOUNT=12345678")]
    public void Should_keep_lines_that_only_name_a_credential(string line)
    {
        new History(File).Add(line);

        new History(File).Entries.Should().Equal(line);
    }

    [Fact]
    public void Should_cap_the_history_and_compact_the_file()
    {
        var history = new History(File, capacity: 10);
        for (var i = 0; i < 35; i++)
        {
            history.Add($"line {i}");
        }

        history.Entries.Should().HaveCount(10).And.EndWith("line 34");
        new History(File, capacity: 10).Entries.Should().Equal(Enumerable.Range(25, 10).Select(i => $"line {i}"));
        System.IO.File.ReadAllLines(File).Length.Should().BeLessThanOrEqualTo(20);
    }

    [Fact]
    public void Should_fold_consecutive_duplicates_and_skip_blank_lines()
    {
        var history = new History(File);
        history.Add("vars");
        history.Add("vars");
        history.Add("  ");
        history.Add("status");
        history.Add("vars");

        history.Entries.Should().Equal("vars", "status", "vars");
    }
}
