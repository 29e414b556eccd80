using LpRepl.Frames;
using LpRepl.Session;
using LpRepl.Templating;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Templating;

/// <summary>A value expanded into a raw frame fills its place and can never change the frame's shape.</summary>
public class InlineTemplateTests
{
    private const string Hostile = "x\",\"injected\":true,\"z\":\"";

    [Fact]
    public void Should_escape_a_value_expanded_inside_a_json_string()
    {
        // Given
        var variables = Variables(("conversationId", Hostile));

        // When
        var expansion = InlineTemplate.Expand("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\"}}", variables);

        // Then
        var frame = Parsed(expansion);
        frame["body"]!["dialogId"]!.Value<string>().Should().Be(Hostile);
        frame.Properties().Select(p => p.Name).Should().Equal("kind", "id", "type", "body");
        ((JObject)frame["body"]!).Properties().Select(p => p.Name).Should().Equal("dialogId");
    }

    [Theory]
    [InlineData("back\\slash")]
    [InlineData("new\nline")]
    [InlineData("esc\u001b[2J and nul\u0000")]
    [InlineData("quote \" and ' and }")]
    [InlineData("emoji 😀 and \u202e")]
    public void Should_keep_any_value_exactly_inside_a_string(string value)
    {
        var expansion = InlineTemplate.Expand("{\"a\":\"<{{v}}>\"}", Variables(("v", value)));

        Parsed(expansion)["a"]!.Value<string>().Should().Be("<" + value + ">");
    }

    [Fact]
    public void Should_escape_inside_a_key_as_inside_any_string()
    {
        var expansion = InlineTemplate.Expand("{\"{{k}}\":1}", Variables(("k", "a\":2,\"b")));

        Parsed(expansion).Properties().Select(p => p.Name).Should().Equal("a\":2,\"b");
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-1.5e3", "-1.5e3")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("abc", "\"abc\"")]
    [InlineData("1,\"injected\":true", "\"1,\\\"injected\\\":true\"")]
    [InlineData("{\"injected\":true}", "\"{\\\"injected\\\":true}\"")]
    [InlineData("[1,2]", "\"[1,2]\"")]
    [InlineData("", "\"\"")]
    [InlineData(" 42", "\" 42\"")]
    public void Should_insert_a_bare_value_as_a_json_scalar_or_else_a_string(string value, string inserted)
    {
        var expansion = InlineTemplate.Expand("{\"seq\":{{v}}}", Variables(("v", value)));

        expansion.Text.Should().Be("{\"seq\":" + inserted + "}");
        Parsed(expansion).Properties().Select(p => p.Name).Should().Equal("seq");
    }

    [Fact]
    public void Should_know_a_string_ends_after_an_escaped_quote_in_the_frame_text()
    {
        var expansion = InlineTemplate.Expand("{\"a\":\"q\\\"\",\"b\":{{v}},\"c\":\"\\\\{{v}}\"}", Variables(("v", "x\"y")));

        var frame = Parsed(expansion);
        frame["b"]!.Value<string>().Should().Be("x\"y");
        frame["c"]!.Value<string>().Should().Be("\\x\"y");
    }

    [Fact]
    public void Should_leave_numbers_computed_in_the_template_as_numbers()
    {
        var expansion = InlineTemplate.Expand("{\"id\":{{ 1 + 2 }},\"s\":\"{{ 1 + 2 }}\"}", Variables());

        expansion.Text.Should().Be("{\"id\":3,\"s\":\"3\"}");
    }

    [Fact]
    public void Should_start_each_frame_outside_a_string_whatever_the_last_one_left_open()
    {
        // The context is shared by every frame: the last frame ended inside a string.
        InlineTemplate.Expand("{\"a\":\"{{v}}", Variables(("v", "1")));

        var expansion = InlineTemplate.Expand("{\"b\":{{v}}}", Variables(("v", "42")));

        expansion.Text.Should().Be("{\"b\":42}");
    }

    [Fact]
    public void Should_keep_what_a_frame_assigns_to_that_frame()
    {
        InlineTemplate.Expand("{{ x = 1 }}{\"a\":{{x}}}", Variables()).Text.Should().Be("{\"a\":1}");

        var next = InlineTemplate.Expand("{\"b\":{{x}}}", Variables());

        next.Error.Should().Contain("x");
        next.Text.Should().BeNull();
    }

    [Fact]
    public void Should_expand_the_next_frame_after_one_failed_midway()
    {
        InlineTemplate.Expand("{\"a\":\"{{missing}}\"}", Variables()).Error.Should().Contain("missing");

        var expansion = InlineTemplate.Expand("{\"a\":\"{{v}}\"}", Variables(("v", "q\"")));

        Parsed(expansion)["a"]!.Value<string>().Should().Be("q\"");
    }

    private static SessionVariables Variables(params (string Name, string Value)[] values)
    {
        var variables = new SessionVariables();
        foreach (var (name, value) in values)
        {
            variables.Set(name, value);
        }
        return variables;
    }

    private static JObject Parsed(TemplateExpansion expansion)
    {
        expansion.Error.Should().BeNull();
        var validation = JsonFrameValidator.Validate(expansion.Text!);
        validation.IsValid.Should().BeTrue($"{expansion.Text} should be JSON: {validation.Error}");
        return validation.Frame!;
    }
}
