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
}
