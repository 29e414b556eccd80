using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

public class JsonFrameValidatorTests
{
    [Fact]
    public void Should_accept_the_tutorial_request_frame()
    {
        var result = JsonFrameValidator.Validate("{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}");

        result.IsValid.Should().BeTrue();
        FrameInfo.From(result.Frame!).Should().Be(new FrameInfo("req", "cm.ConsumerRequestConversation", "1", null, null));
    }

    [Theory]
    [InlineData("{\"kind\":\"req\" \"id\":1}", 1, 15)]
    [InlineData("{\"kind\":\"req\",\n \"id\":}", 2, 7)]
    [InlineData("{\"a\":1", 1, 7)]
    [InlineData("{\"a\":1}}", 1, 8)]
    public void Should_report_line_and_column_of_the_first_error(string text, int line, int column)
    {
        var result = JsonFrameValidator.Validate(text);

        result.IsValid.Should().BeFalse();
        (result.Line, result.Column).Should().Be((line, column));
        result.Error.Should().NotContain("Path '");
    }

    [Fact]
    public void Should_refuse_a_value_that_is_not_an_object()
    {
        JsonFrameValidator.Validate("[1,2]").Error.Should().Be("a frame must be a JSON object, not an array");
    }

    [Fact]
    public void Should_refuse_duplicate_keys_a_server_would_read_ambiguously()
    {
        JsonFrameValidator.Validate("{\"id\":1,\"id\":2}").IsValid.Should().BeFalse();
    }

    [Fact]
    public void Should_point_at_the_error_with_a_caret()
    {
        const string text = "{\"kind\":\"req\" \"id\":1}";
        var result = JsonFrameValidator.Validate(text);

        result.Pointer(text).Should().Be("  {\"kind\":\"req\" \"id\":1}\n                ^");
    }
}
