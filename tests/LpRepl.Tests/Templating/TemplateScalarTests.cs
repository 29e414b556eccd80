using LpRepl.Session;
using LpRepl.Templating;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Templating;

/// <summary>
/// A template parameter that goes into a frame as a number or a boolean is that and nothing more:
/// a value that would add a key or close a bracket is refused with the parameter's name.
/// </summary>
public sealed class TemplateScalarTests
{
    private static TemplateExpansion Render(string name, string argsLine)
    {
        TemplateFixture.LoadBuiltIns().TryGet(name, out var template).Should().BeTrue();
        var (arguments, error) = TemplateArguments.Parse(ShellWords.Split(argsLine, _ => null).Words);
        error.Should().BeNull();
        return TemplateFixture.Renderer(out _).Render(template!, arguments, TemplateFixture.Variables(), id: 7);
    }

    [Theory]
    [InlineData("csat", "rate", "")]
    [InlineData("read", "seq", "")]
    [InlineData("accept", "seq", "")]
    [InlineData("ttr", "value", "")]
    [InlineData("subscribe-messages", "from", "")]
    [InlineData("subscribe-conversations", "since", "")]
    [InlineData("upload-url", "size", "")]
    [InlineData("request-conversation", "campaignId", "engagementId=2")]
    [InlineData("request-conversation", "engagementId", "campaignId=1")]
    public void Should_refuse_a_number_parameter_that_is_not_a_number(string template, string parameter, string others)
    {
        var result = Render(template, $"{others} {parameter}='5,\"extra\":1'");

        result.Text.Should().BeNull();
        result.Error.Should().Contain($"{parameter}=5,\"extra\":1 is not a number");
    }

    [Fact]
    public void Should_refuse_a_boolean_parameter_that_is_not_true_or_false()
    {
        var result = Render("csat", "rate=5 resolved='true,\"extra\":1'");

        result.Text.Should().BeNull();
        result.Error.Should().Contain("resolved=true,\"extra\":1 is not true or false");
    }

    [Theory]
    [InlineData("rate=4 resolved=false", 4, false)]
    [InlineData("rate=2 resolved=TRUE", 2, true)]
    public void Should_put_numbers_and_booleans_in_as_json_values(string args, int rate, bool resolved)
    {
        var field = JObject.Parse(Render("csat", args).Text!)["body"]!["conversationField"]!;

        field["csatRate"]!.Type.Should().Be(JTokenType.Integer);
        ((int)field["csatRate"]!).Should().Be(rate);
        field["csatResolutionConfirmation"]!.Type.Should().Be(JTokenType.Boolean);
        ((bool)field["csatResolutionConfirmation"]!).Should().Be(resolved);
    }
}
