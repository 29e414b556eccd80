using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Tests.Templating;

/// <summary>
/// Each built-in template expanded with the arguments in <c>Golden/NAME.args</c> must equal
/// <c>Golden/NAME.expected.json</c>. After an intended change, run the tests with
/// LPREPL_ACCEPT_GOLDEN=1 to rewrite the expected files, and review their diff.
/// </summary>
public class TemplateGoldenTests
{
    public static TheoryData<string> BuiltInNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TemplateFixture.BuiltIns, "*" + TemplateLibrary.Extension).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^TemplateLibrary.Extension.Length]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Should_expand_each_built_in_template_to_its_golden_frame(string name)
    {
        // Given
        TemplateFixture.LoadBuiltIns().TryGet(name, out var template).Should().BeTrue();
        var argsFile = Path.Combine(TemplateFixture.GoldenDirectory, name + ".args");
        var argsLine = File.Exists(argsFile) ? File.ReadAllText(argsFile).Trim() : "";
        var words = ShellWords.Split(argsLine, _ => null);
        words.Error.Should().BeNull();
        var (arguments, error) = TemplateArguments.Parse(words.Words);
        error.Should().BeNull();

        // When
        var expansion = TemplateFixture.Renderer(out _).Render(template!, arguments, TemplateFixture.Variables(), id: 1);

        // Then
        expansion.Error.Should().BeNull();
        var expectedFile = Path.Combine(TemplateFixture.GoldenDirectory, name + ".expected.json");
        if (Environment.GetEnvironmentVariable("LPREPL_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(expectedFile, expansion.Text + "\n");
        }
        File.Exists(expectedFile).Should().BeTrue($"every built-in template has a golden file ({expectedFile})");
        expansion.Text.Should().Be(File.ReadAllText(expectedFile).TrimEnd('\n'));
    }

    [Fact]
    public void Should_ship_a_description_for_every_built_in_template()
    {
        TemplateFixture.LoadBuiltIns().All.Should().OnlyContain(t => t.Description.Length > 10);
    }

    [Fact]
    public void Should_ship_the_template_names_users_type()
    {
        TemplateFixture.LoadBuiltIns().Names.Should().Contain(
        [
            "request-conversation", "publish", "subscribe-messages", "subscribe-conversations", "unsubscribe-conversations",
            "chat-state", "accept", "read", "close-conversation", "close-dialog", "csat", "ttr", "get-clock", "init-connection",
        ]);
    }
}
