using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

/// <summary>Only RFC 8259 JSON is a frame: what lenient parsers accept is refused, with where.</summary>
public class StrictJsonFrameTests
{
    public static TheoryData<string, int, int> NotJson => new()
    {
        { "{\"a\":1,}", 1, 8 },
        { "{'a':1}", 1, 2 },
        { "{a:1}", 1, 2 },
        { "{\"a\":1 /* note */}", 1, 8 },
        { "{\"a\":1} // note", 1, 9 },
        { "{\"a\":undefined}", 1, 6 },
        { "{\"a\":NaN}", 1, 6 },
        { "{\"a\":Infinity}", 1, 6 },
        { "{\"a\":new Date(1)}", 1, 7 },
        { "{\"a\":\"x\u0000y\"}", 1, 8 },
        { "{\"a\":\"x\u001b[2Jy\"}", 1, 8 },
        { "{\"a\":\"tab\there\"}", 1, 10 },
        { "{\"a\":[1,2,]}", 1, 11 },
        { "{\"a\":'x'}", 1, 6 },
        { "{\"a\":+1}", 1, 6 },
        { "{\n  \"a\": 1,\n}", 3, 1 },
        { "{\"é\":1,}", 1, 8 },
        { "{\"a\":1}\n{\"b\":2}", 2, 1 },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public void Should_refuse_text_that_is_not_strict_json_with_line_and_column(string text, int line, int column)
    {
        // When
        var result = JsonFrameValidator.Validate(text);

        // Then
        result.IsValid.Should().BeFalse($"{text} is not JSON");
        (result.Line, result.Column).Should().Be((line, column));
        result.Error.Should().NotContain("LineNumber").And.NotContain("BytePosition");
    }

    [Theory]
    [MemberData(nameof(NotJson))]
    public void Should_refuse_the_same_text_on_the_template_fast_path(string text, int line, int column)
    {
        var result = JsonFrameValidator.Check(text);

        result.IsValid.Should().BeFalse();
        (result.Line, result.Column).Should().Be((line, column));
    }

    [Theory]
    [InlineData("{\"a\":\"\\u0000 and \\u001b are fine escaped\"}")]
    [InlineData("{\"n\":1e400,\"m\":-0.5E-3,\"z\":0}")]
    [InlineData("  {\"nested\":{\"deep\":[true,false,null,{}]}}  \n")]
    [InlineData("{\"emoji\":\"😀\",\"é\":\"ü\"}")]
    public void Should_accept_strict_json(string text)
    {
        JsonFrameValidator.Validate(text).IsValid.Should().BeTrue();
        JsonFrameValidator.Check(text).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Should_point_at_a_character_column_after_multibyte_text()
    {
        const string text = "{\"é\":1,}";
        var result = JsonFrameValidator.Validate(text);

        result.Pointer(text).Should().Be("  {\"é\":1,}\n         ^");
    }

    [Fact]
    public void Should_refuse_a_duplicate_key_where_it_repeats()
    {
        var result = JsonFrameValidator.Validate("{\"id\":1,\n \"id\":2}");

        result.IsValid.Should().BeFalse();
        result.Error.Should().Contain("'id'");
        (result.Line, result.Column).Should().Be((2, 2));
    }

    [Fact]
    public void Should_refuse_a_duplicate_key_written_with_an_escape()
    {
        JsonFrameValidator.Check("{\"a\":{\"id\":1,\"\\u0069d\":2}}").IsValid.Should().BeFalse();
    }

    [Fact]
    public void Should_allow_the_same_key_in_sibling_objects()
    {
        JsonFrameValidator.Validate("{\"a\":{\"id\":1},\"b\":{\"id\":2}}").IsValid.Should().BeTrue();
    }
}
