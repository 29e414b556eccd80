using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary><c>help</c> names every way to call a command, aliases included.</summary>
public class HelpCommandTests
{
    [Fact]
    public async Task Should_list_a_commands_aliases_beside_it()
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);

        await session.ExecuteAsync("help", CancellationToken.None);
        await session.ExecuteAsync("help source", CancellationToken.None);

        var data = output.Entries.Where(e => e.Kind == "data").Select(e => e.Text).ToList();
        // A description wrapped to the width goes on in rows indented under it: joined back, each command is one line.
        var lines = System.Text.RegularExpressions.Regex.Replace(data[0], "\n {4,}", " ").Split('\n');
        lines.Should().Contain(l => l.TrimStart().StartsWith("run FILE", StringComparison.Ordinal) && l.EndsWith("(also: source)", StringComparison.Ordinal));
        data[1].Should().StartWith("run FILE\n").And.EndWith("\n  also: source");
    }

    [Fact]
    public async Task Should_wrap_one_commands_help_between_words_at_the_width()
    {
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);

        await session.ExecuteAsync("help wait", CancellationToken.None);

        var text = output.Entries.Single(e => e.Kind == "data").Text;
        var rows = text.Split('\n');
        rows.Should().HaveCountGreaterThan(2).And.OnlyContain(r => r.Length <= 80);
        // Joined back, the words are the summary's own: none was cut in two.
        string.Join(' ', rows.Skip(1).Select(r => r.Trim())).Should().Be(session.Commands.All.Single(c => c.Name == "wait").Summary);
    }
}
