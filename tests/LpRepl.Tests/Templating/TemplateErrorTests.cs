using LpRepl.Session;
using LpRepl.Templating;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Templating;

/// <summary>Strict templates: every mistake is an error that says what and where, and nothing is sent.</summary>
public sealed class TemplateErrorTests : IDisposable
{
    private readonly string _userDir = Directory.CreateTempSubdirectory("lprepl-templates-").FullName;

    public void Dispose() => Directory.Delete(_userDir, recursive: true);

    private static TemplateExpansion Render(string name, string argsLine, SessionVariables? variables = null)
    {
        TemplateFixture.LoadBuiltIns().TryGet(name, out var template).Should().BeTrue();
        var (arguments, error) = TemplateArguments.Parse(ShellWords.Split(argsLine, _ => null).Words);
        error.Should().BeNull();
        return TemplateFixture.Renderer(out _).Render(template!, arguments, variables ?? TemplateFixture.Variables(), id: 7);
    }

    [Fact]
    public void Should_name_a_missing_session_variable_and_the_template_line()
    {
        var variables = TemplateFixture.Variables();
        variables.Remove("conversationId");

        var result = Render("publish", "text=hi", variables);

        result.Text.Should().BeNull();
        result.Error.Should().Be("publish: conversationId is not set: request a conversation first (request-conversation)");
    }

    [Fact]
    public void Should_keep_a_user_templates_file_line_and_column_with_the_error_in_the_users_terms()
    {
        var file = Path.Combine(_userDir, "mine.json.sbn");
        File.WriteAllText(file, "+++\ndescription = \"mine\"\n+++\n{\"kind\":\"req\",\"id\":{{ id }},\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":{{ json convresationId }}}}\n");
        var library = TemplateLibrary.Load([TemplateFixture.BuiltIns, _userDir], _ => { }, builtIns: TemplateFixture.BuiltIns);
        library.TryGet("mine", out var template).Should().BeTrue();

        var result = TemplateFixture.Renderer(out _).Render(template!, new Dictionary<string, string>(), TemplateFixture.Variables(), 1);

        result.Error.Should().Be($"{file}(4,81) : error : convresationId is not set (did you mean 'conversationId'?): set it first (convresationId=value)");
    }

    [Fact]
    public void Should_name_a_missing_required_argument()
    {
        Render("publish", "").Error.Should().Be("publish needs text=…; usage: publish text=… [dialog=…]");
    }

    [Fact]
    public void Should_refuse_an_unknown_argument_and_suggest_the_right_one()
    {
        Render("publish", "txt=hi").Error.Should().Be("publish has no parameter 'txt' (did you mean 'text'?); it takes text, dialog");
    }

    [Theory]
    [InlineData("hi", "bad argument 'hi': arguments are NAME=VALUE (quote a value with spaces: text=\"hi there\")")]
    [InlineData("=x", "bad argument '=x': arguments are NAME=VALUE (quote a value with spaces: text=\"hi there\")")]
    [InlineData("a=1 a=2", "argument a is given twice")]
    public void Should_refuse_bad_argument_syntax(string line, string expected)
    {
        TemplateArguments.Parse(ShellWords.Split(line, _ => null).Words).Error.Should().Be(expected);
    }

    [Fact]
    public void Should_say_when_no_agent_message_has_been_seen_for_a_receipt()
    {
        TemplateFixture.LoadBuiltIns().TryGet("accept", out var template);
        var renderer = new TemplateRenderer(TemplateFunctions.Create(new DialogSequences(), TimeProvider.System));

        var result = renderer.Render(template!, new Dictionary<string, string>(), TemplateFixture.Variables(), 1);

        result.Error.Should().StartWith("accept: ").And.Contain("no agent message seen yet in dialog " + TemplateFixture.ConversationId);
    }

    [Fact]
    public void Should_show_the_expanded_text_and_position_when_the_result_is_not_json()
    {
        File.WriteAllText(Path.Combine(_userDir, "raw.json.sbn"), "+++\ndescription = \"unquoted text\"\nparams = { text: null }\n+++\n{\"message\":{{ text }}}\n");
        var library = TemplateLibrary.Load([_userDir], _ => { });
        library.TryGet("raw", out var template).Should().BeTrue();

        var result = TemplateFixture.Renderer(out _).Render(template!, new Dictionary<string, string> { ["text"] = "hello" }, TemplateFixture.Variables(), 1);

        result.Error.Should().StartWith("raw expanded to text that is not valid JSON (line 1, column 12:")
            .And.EndWith("  {\"message\":hello}\n             ^");
    }

    [Fact]
    public void Should_report_a_broken_user_template_with_file_line_and_column_and_keep_the_others()
    {
        File.WriteAllText(Path.Combine(_userDir, "broken.json.sbn"), "+++\ndescription = \"broken\"\n+++\n{\"kind\":\"req\",\"id\":{{ id + }}}\n");
        File.WriteAllText(Path.Combine(_userDir, "publish.json.sbn"), "+++\ndescription = \"my own publish\"\nparams = { text: null }\n+++\n{\"mine\":{{ json text }}}\n");
        var errors = new List<TemplateDiagnostic>();

        var library = TemplateLibrary.Load([TemplateFixture.BuiltIns, _userDir], errors.Add);

        errors.Should().ContainSingle();
        errors[0].ToString().Should().StartWith(Path.Combine(_userDir, "broken.json.sbn") + "(4,").And.Contain(") : error : ");
        library.TryGet("broken", out _).Should().BeFalse();
        library.TryGet("publish", out var publish).Should().BeTrue();
        publish!.Description.Should().Be("my own publish", "a user template overrides the built-in of the same name");
        library.TryGet("csat", out _).Should().BeTrue();
    }

    [Fact]
    public void Should_report_an_unclosed_front_matter()
    {
        File.WriteAllText(Path.Combine(_userDir, "open.json.sbn"), "+++\ndescription = \"x\"\n{}\n");
        var errors = new List<TemplateDiagnostic>();

        TemplateLibrary.Load([_userDir], errors.Add);

        errors.Should().ContainSingle().Which.ToString().Should().Be(Path.Combine(_userDir, "open.json.sbn") + "(1,1) : error : front matter opened with +++ is never closed");
    }

    [Theory]
    [InlineData("say \"hi\" to C:\\temp")]
    [InlineData("line one\nline two\ttabbed")]
    [InlineData("emoji 😀 and ünïcödé and {{ braces }}")]
    [InlineData("</script> \u0001 control")]
    public void Should_escape_any_message_into_valid_json(string message)
    {
        TemplateFixture.LoadBuiltIns().TryGet("publish", out var template);

        var result = TemplateFixture.Renderer(out _).Render(template!, new Dictionary<string, string> { ["text"] = message }, TemplateFixture.Variables(), 1);

        result.Error.Should().BeNull();
        JObject.Parse(result.Text!)["body"]!["event"]!["message"]!.Value<string>().Should().Be(message);
    }
}
